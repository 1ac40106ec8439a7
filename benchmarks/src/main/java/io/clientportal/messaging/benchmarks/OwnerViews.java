package io.clientportal.messaging.benchmarks;

/**
 * The views of an owner, who sees every conversation of the tenant, for the variants that have them (SDK and RAW;
 * NAIVE counts at read time and has none). Each call is one user-visible operation, authorised and complete.
 */
interface OwnerViews {

    /** The owner reads the first inbox page of {@code size}, all conversations or only those with unread ones. */
    int ownerInbox(int size, boolean onlyUnread);

    /** The owner's unread total over every conversation (the badge of {@code GET /me}). */
    long ownerUnreadTotal();
}
