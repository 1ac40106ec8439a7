package io.clientportal.messaging.memory;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ClientAccount;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.spi.AnnouncementRecord;
import io.clientportal.messaging.spi.AttachmentRecord;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** One tenant's data. Guarded by the store's lock. */
final class TenantData {

    /** A conversation with its messages (index = seq - 1), participants and read horizons. */
    static final class ConversationState {
        Conversation conversation;
        final List<Message> messages = new ArrayList<>();
        final Map<String, Access> participants = new LinkedHashMap<>();
        final Map<Actor, Long> horizons = new HashMap<>();
        final Map<AnnouncementId, MessageId> announcementMessages = new HashMap<>();

        ConversationState(Conversation conversation) {
            this.conversation = conversation;
        }
    }

    record MessageRef(ConversationId conversationId, long seq) {
    }

    record ClientMessageKey(ConversationId conversationId, Actor author, String clientMessageId) {
    }

    final Map<String, TeamMember> teamMembers = new HashMap<>();
    final Map<String, ClientAccount> accounts = new HashMap<>();
    final Map<String, ClientUser> clientUsers = new HashMap<>();
    final Map<ConversationId, ConversationState> conversations = new TreeMap<>(
            (a, b) -> a.value().compareTo(b.value()));
    final Map<String, ConversationId> conversationByAccount = new HashMap<>();
    final Map<MessageId, MessageRef> messageRefs = new HashMap<>();
    final Map<ClientMessageKey, MessageId> clientMessageIds = new HashMap<>();
    final Map<AnnouncementId, AnnouncementRecord> announcements = new HashMap<>();
    final Map<AnnouncementId, TreeSet<ConversationId>> announcementTargets = new HashMap<>();
    final Map<AttachmentId, AttachmentRecord> attachments = new LinkedHashMap<>();
}
