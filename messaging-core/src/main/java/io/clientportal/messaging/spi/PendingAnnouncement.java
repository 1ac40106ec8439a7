package io.clientportal.messaging.spi;

import io.clientportal.messaging.model.AnnouncementId;

/**
 * An announcement whose delivery has not finished.
 *
 * @param tenantId the tenant
 * @param id       the announcement
 */
public record PendingAnnouncement(String tenantId, AnnouncementId id) {
}
