/*
 * The one script a host page loads: <script type="module" src="/messaging-ui/messaging-ui.js"></script>. It
 * defines every element of the chat and adds the package's stylesheet (beside this file) to the page once. No
 * inline script or style is used, so pages may keep a strict Content-Security-Policy.
 */
import { MessagingChat } from './elements/messaging-chat.js';
import { MessagingInbox } from './elements/messaging-inbox.js';
import { MessagingConversation } from './elements/messaging-conversation.js';
import { MessagingComposer } from './elements/messaging-composer.js';
import { MessagingParticipants } from './elements/messaging-participants.js';
import { MessagingAnnouncementDialog } from './elements/messaging-announcement-dialog.js';
import { MessagingSearch } from './elements/messaging-search.js';
import { MessagingTeamState } from './elements/messaging-team-state.js';

export { ApiError, EventFeed, MessagingClient, csrfHeaders } from './messaging-client.js';
export { ChatContext } from './context.js';
export { strings, errorMessage } from './strings.js';
export { linkify, linkParts } from './linkify.js';
export {
    MessagingChat, MessagingInbox, MessagingConversation, MessagingComposer, MessagingParticipants,
    MessagingAnnouncementDialog, MessagingSearch, MessagingTeamState,
};

export const VERSION = '0.1.0';

const ELEMENTS = {
    'messaging-chat': MessagingChat,
    'messaging-inbox': MessagingInbox,
    'messaging-conversation': MessagingConversation,
    'messaging-composer': MessagingComposer,
    'messaging-participants': MessagingParticipants,
    'messaging-announcement-dialog': MessagingAnnouncementDialog,
    'messaging-search': MessagingSearch,
    'messaging-team-state': MessagingTeamState,
};

/** Adds the stylesheet beside this module, once per document (a host may also link it itself). */
export function addStylesheet(doc = document) {
    const href = new URL('./messaging-ui.css', import.meta.url).href;
    const present = [...doc.querySelectorAll('link[rel="stylesheet"]')].some(link => link.href === href
        || link.dataset.messagingUi !== undefined);
    if (present) return;
    const link = doc.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    link.dataset.messagingUi = '';
    doc.head.append(link);
}

/** Defines the elements (those not defined yet) in a registry; the page's by default. */
export function defineElements(registry = customElements) {
    for (const [name, element] of Object.entries(ELEMENTS)) {
        if (!registry.get(name)) registry.define(name, element);
    }
}

if (typeof document !== 'undefined') addStylesheet(document);
if (typeof customElements !== 'undefined') defineElements(customElements);
