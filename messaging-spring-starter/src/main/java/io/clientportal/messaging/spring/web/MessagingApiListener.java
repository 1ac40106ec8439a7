package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.Message;

/**
 * Told of the writes this node's REST API made, as they return (not of other nodes' writes, which reach this node
 * only as events): what per-node metrics count. Implementations must be quick and must not throw.
 */
public interface MessagingApiListener {

    /** A message this node posted (not a retry answered with the message already posted). */
    default void messagePosted(Message message) {
    }

    /** An announcement this node accepted; its delivery may run on any node. */
    default void announcementSent(Announcement announcement) {
    }
}
