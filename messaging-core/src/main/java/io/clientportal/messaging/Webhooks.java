package io.clientportal.messaging;

import io.clientportal.messaging.model.WebhookDelivery;

import java.util.List;
import java.util.Optional;

/**
 * Operating webhooks: deliveries that gave up (dead letters) and putting them back in the queue. Trusted calls for
 * operators, like the directory's; deliveries of every tenant.
 */
public interface Webhooks {

    /**
     * Dead letters, oldest first.
     *
     * @param afterId the last id of the previous page, or {@code null} for the first
     * @param limit   the most to return, 1 to 1,000
     */
    List<WebhookDelivery> deadLetters(String afterId, int limit);

    /** One delivery still in the store (pending or dead); delivered ones are forgotten. */
    Optional<WebhookDelivery> delivery(String id);

    /**
     * Puts a dead letter back in the queue with a fresh set of attempts; it is sent again at once, with the same
     * {@code webhook-id}.
     *
     * @return false when there is no dead letter with this id
     */
    boolean replay(String id);
}
