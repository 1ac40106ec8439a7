package io.clientportal.messaging;

import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.NewAnnouncement;

/** One message to all clients or to selected ones, delivered into each one's conversation. */
public interface Announcements {

    /**
     * Accepts an announcement and returns at once; delivery runs in the background, in chunks, resumable without
     * duplicates.
     */
    Announcement send(Actor actor, NewAnnouncement announcement);

    /** An announcement with its status, progress and read stats. */
    Announcement get(Actor actor, AnnouncementId id);
}
