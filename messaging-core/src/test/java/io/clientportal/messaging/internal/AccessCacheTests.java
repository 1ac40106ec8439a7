package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.ConversationCreated;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.model.ConversationId;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay hands on events from before a delete after the delete has committed: what they would remember must not
 * bring the deleted conversation back into the cache (found by the model-based test: a deleted account's history
 * answered an empty page instead of not found).
 */
class AccessCacheTests {

    private static final String TENANT = "default";

    @Test
    void aDeletedConversationIsNeverRememberedAgainByAnOlderEventOrABulkRead() {
        AccessCache cache = new AccessCache();
        ConversationId id = new ConversationId(UUID.randomUUID());
        cache.invalidate(new ConversationDeleted("7", TENANT, id, Instant.now(), "acme", List.of(), List.of()));

        cache.rememberAccount(TENANT, id, "acme");
        cache.invalidate(created(id, "acme"));

        assertThat(cache.knowsAccount(TENANT, id)).isFalse();
        assertThat(cache.conversationAccount(TENANT, id, () -> Optional.of("acme"))).isEmpty();
    }

    @Test
    void anotherConversationIsRememberedAsBefore() {
        AccessCache cache = new AccessCache();
        ConversationId deleted = new ConversationId(UUID.randomUUID());
        ConversationId kept = new ConversationId(UUID.randomUUID());
        cache.invalidate(new ConversationDeleted("7", TENANT, deleted, Instant.now(), "acme", List.of(), List.of()));

        cache.invalidate(created(kept, "beta"));

        assertThat(cache.conversationAccount(TENANT, kept, Optional::empty)).contains("beta");
    }

    private static ConversationCreated created(ConversationId id, String accountId) {
        return new ConversationCreated("6", TENANT, id, Instant.now(), accountId, "Client " + accountId);
    }
}
