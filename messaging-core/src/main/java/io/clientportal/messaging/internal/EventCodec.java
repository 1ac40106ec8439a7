package io.clientportal.messaging.internal;

import io.clientportal.messaging.event.AnnouncementDelivered;
import io.clientportal.messaging.event.ClientUserChanged;
import io.clientportal.messaging.event.ClientUserRemoved;
import io.clientportal.messaging.event.ConversationAssigned;
import io.clientportal.messaging.event.ConversationStatusChanged;
import io.clientportal.messaging.event.ConversationCreated;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.ConversationRead;
import io.clientportal.messaging.event.MentionReceived;
import io.clientportal.messaging.event.ConversationUpdated;
import io.clientportal.messaging.event.MessageDeleted;
import io.clientportal.messaging.event.MessageEdited;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.ParticipantAccessChanged;
import io.clientportal.messaging.event.ParticipantAdded;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.event.TeamMemberChanged;
import io.clientportal.messaging.event.TeamMemberRemoved;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.NewEvent;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonValue;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Encodes events for the log and decodes them back. The payload is the event record as JSON without its id; the
 * id is the position the store gave it.
 */
final class EventCodec {

    private static final List<Class<? extends MessagingEvent>> STORED_TYPES = List.of(
            ConversationCreated.class, ConversationUpdated.class, ConversationDeleted.class, MessagePosted.class,
            MessageEdited.class, MessageDeleted.class, ConversationRead.class, ParticipantAdded.class,
            ParticipantAccessChanged.class, ParticipantRemoved.class, AnnouncementDelivered.class,
            TeamMemberChanged.class, TeamMemberRemoved.class, ClientUserChanged.class, ClientUserRemoved.class,
            ConversationAssigned.class, ConversationStatusChanged.class, MentionReceived.class);

    /** The logged events that carry a whole message: rewritten when the message is edited or deleted. */
    static final Set<String> MESSAGE_TYPES = Set.of(MessagePosted.class.getSimpleName(),
            MessageEdited.class.getSimpleName());

    /** How the payload writes a client user's kind (an {@code Actor}'s {@code kind} member). */
    static final String CLIENT_AUTHOR = "\"kind\":\"CLIENT_USER\"";

    /** The type an erased event takes (one of a deleted conversation): no version decodes it, so all skip it. */
    static final String ERASED_TYPE = "Erased";

    /** The payload an erased event takes: nothing. */
    static final String ERASED_PAYLOAD = "{}";

    private static final Map<String, Class<? extends MessagingEvent>> TYPES_BY_NAME = STORED_TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addMixIn(ConversationId.class, IdMixin.class)
            .addMixIn(MessageId.class, IdMixin.class)
            .addMixIn(AnnouncementId.class, IdMixin.class)
            .addMixIn(AttachmentId.class, IdMixin.class)
            .build();

    /** Writes payloads in one pass: the record without its id (the store's position is the id) and type. */
    private final ObjectMapper payloadMapper = mapper.rebuild()
            .addMixIn(MessagingEvent.class, PayloadMixin.class)
            .build();

    @JsonIgnoreProperties({"eventId", "type"})
    abstract static class PayloadMixin {
    }

    /** Ids are written as their plain UUID string. */
    abstract static class IdMixin {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        IdMixin(UUID value) {
        }

        @JsonValue
        abstract UUID value();
    }

    NewEvent encode(MessagingEvent event) {
        String payload = event instanceof MessagePosted posted ? MessageEventJson.posted(posted)
                : event instanceof MessageEdited edited ? MessageEventJson.edited(edited)
                : mapperPayload(event);
        return new NewEvent(event.type(), event.conversationId(), payload, event.at());
    }

    /** The payload as the mapper writes it: {@link MessageEventJson} writes the same for the message events. */
    String mapperPayload(MessagingEvent event) {
        return payloadMapper.writeValueAsString(event);
    }

    /**
     * Encodes a unit's events in order. The messages of an announcement chunk (thousands of MessagePosted events
     * equal but for conversation, message id and seq) are written once through Jackson with stand-in values and
     * then by splicing each message's own values into that JSON: the same bytes, a fraction of the time.
     */
    List<NewEvent> encodeAll(List<MessagingEvent> events) {
        List<NewEvent> encoded = new ArrayList<>(events.size());
        AnnouncementTemplate template = null;
        for (MessagingEvent event : events) {
            if (event instanceof MessagePosted posted && posted.message().announcementId() != null) {
                if (template == null || !template.fits(posted)) {
                    template = new AnnouncementTemplate(posted);
                }
                encoded.add(new NewEvent(event.type(), event.conversationId(), template.payload(posted), event.at()));
            } else {
                encoded.add(encode(event));
            }
        }
        return encoded;
    }

    /** The JSON of one announcement message, cut where the conversation id, message id and seq go. */
    private final class AnnouncementTemplate {

        private final MessagePosted sample;
        private final List<String> pieces = new ArrayList<>();
        private final List<Integer> slots = new ArrayList<>();   // 0 conversation id, 1 message id, 2 seq, 3 clientSeq
        private final int length;

        AnnouncementTemplate(MessagePosted posted) {
            this.sample = posted;
            // Fresh random stand-ins cannot occur in the text, and a JSON string can't hold the seq's "seq":
            // unescaped, so every occurrence found is a slot.
            UUID conversation = UUID.randomUUID();
            UUID message = UUID.randomUUID();
            long seq = Long.MIN_VALUE + ThreadLocalRandom.current().nextLong(1L << 40);
            long clientSeq = Long.MIN_VALUE + (1L << 41) + ThreadLocalRandom.current().nextLong(1L << 40);
            Message m = posted.message();
            Message standIn = new Message(new MessageId(message), new ConversationId(conversation), seq, m.author(),
                    m.authorName(), m.text(), m.attachments(), m.highlighted(), m.announcementId(),
                    m.clientMessageId(), m.createdAt(), m.editedAt(), m.deleted(), m.mentions(), m.internal());
            String json = encode(new MessagePosted(posted.eventId(), posted.tenantId(),
                    new ConversationId(conversation), posted.at(), standIn, clientSeq)).payload();
            String[] marks = {conversation.toString(), message.toString(), "\"seq\":" + seq,
                "\"clientSeq\":" + clientSeq};
            int from = 0;
            while (true) {
                int next = -1;
                int slot = -1;
                for (int k = 0; k < marks.length; k++) {
                    int at = json.indexOf(marks[k], from);
                    if (at >= 0 && (next < 0 || at < next)) {
                        next = at;
                        slot = k;
                    }
                }
                if (next < 0) {
                    pieces.add(json.substring(from));
                    length = json.length();
                    return;
                }
                pieces.add(json.substring(from, next) + (slot == 2 ? "\"seq\":" : slot == 3 ? "\"clientSeq\":" : ""));
                slots.add(slot);
                from = next + marks[slot].length();
            }
        }

        /** Whether {@code posted} differs from the sample only where the template has slots. */
        boolean fits(MessagePosted posted) {
            Message a = sample.message();
            Message b = posted.message();
            return sample.tenantId().equals(posted.tenantId()) && sample.at().equals(posted.at())
                    && posted.conversationId().equals(b.conversationId())
                    && a.author().equals(b.author()) && Objects.equals(a.authorName(), b.authorName())
                    && a.text().equals(b.text()) && a.attachments().equals(b.attachments())
                    && a.highlighted() == b.highlighted() && a.announcementId().equals(b.announcementId())
                    && Objects.equals(a.clientMessageId(), b.clientMessageId())
                    && a.createdAt().equals(b.createdAt()) && Objects.equals(a.editedAt(), b.editedAt())
                    && a.deleted() == b.deleted() && a.internal() == b.internal();
        }

        String payload(MessagePosted posted) {
            Message m = posted.message();
            StringBuilder json = new StringBuilder(length + 16);
            for (int i = 0; i < slots.size(); i++) {
                json.append(pieces.get(i));
                switch (slots.get(i)) {
                    case 0 -> json.append(m.conversationId().value());
                    case 1 -> json.append(m.id().value());
                    case 2 -> json.append(m.seq());
                    default -> json.append(posted.clientSeq());
                }
            }
            return json.append(pieces.get(pieces.size() - 1)).toString();
        }
    }

    /** The same event under another id (a resume token that also names awaited positions). */
    MessagingEvent withEventId(MessagingEvent event, String eventId) {
        ObjectNode node = mapper.valueToTree(event);
        node.put("eventId", eventId);
        node.remove("type");
        return mapper.treeToValue(node, event.getClass());
    }

    /**
     * The JSON body of a webhook: {@code type}, {@code timestamp} and {@code data} (the event as the feed has it,
     * with {@code eventId} and {@code tenantId}), the Standard Webhooks shape.
     */
    String webhookBody(String type, long position, String tenantId, String payload, java.time.Instant at) {
        ObjectNode data = (ObjectNode) mapper.readTree(payload);
        data.put("eventId", Long.toString(position));
        data.put("tenantId", tenantId);
        ObjectNode body = mapper.createObjectNode();
        body.put("type", type);
        body.put("timestamp", at.toString());
        body.set("data", data);
        return mapper.writeValueAsString(body);
    }

    /**
     * The payload a logged event must carry now that its message reads {@code current}: the same event (type,
     * time) with the message as it is now, its current text or, once deleted, a tombstone without text or
     * attachments. {@code null} when the event is not about that message or already carries it as it is.
     */
    String restated(EventRecord record, Message current) {
        MessagingEvent event = decode(record);
        if (event instanceof MessagePosted posted && isStale(posted.message(), current)) {
            return encode(new MessagePosted(null, posted.tenantId(), posted.conversationId(), posted.at(), current,
                    posted.clientSeq())).payload();
        }
        if (event instanceof MessageEdited edited && isStale(edited.message(), current)) {
            return encode(new MessageEdited(null, edited.tenantId(), edited.conversationId(), edited.at(), current,
                    edited.clientSeq())).payload();
        }
        return null;
    }

    private static boolean isStale(Message logged, Message current) {
        return logged.id().equals(current.id()) && !logged.equals(current);
    }

    /**
     * Whether a logged {@link MessagePosted} may have been posted by a client user, told from its payload without
     * decoding it. Inside a JSON string every quote is escaped, so the text {@value #CLIENT_AUTHOR} occurs only as
     * the author's kind: a client's post always has it, a team member's has it only if some other member of its
     * message ever wrote a client actor (then the answer is a yes too many, which costs a decode, never a miss).
     */
    boolean mayBeClientPost(EventRecord record) {
        return record.payload().contains(CLIENT_AUTHOR);
    }

    /** Decodes a stored event; returns {@code null} for a type this version does not know (logged by caller). */
    MessagingEvent decode(EventRecord record) {
        Class<? extends MessagingEvent> type = TYPES_BY_NAME.get(record.type());
        if (type == null) {
            return null;
        }
        // One pass: the position and the tenant go in as the object's last members (of two equal keys the later
        // wins), not into a tree that is then bound, which parsed every event the relay hands on twice.
        return mapper.readValue(withIdentity(record), type);
    }

    /** The payload with {@code eventId} and {@code tenantId} of the record appended as its last members. */
    private static String withIdentity(EventRecord record) {
        String payload = record.payload();
        int end = payload.lastIndexOf('}');
        if (end < 0) {
            throw new IllegalArgumentException("event " + record.position() + " has no JSON object as payload");
        }
        boolean empty = payload.substring(payload.indexOf('{') + 1, end).isBlank();
        StringBuilder json = new StringBuilder(end + 48 + record.tenantId().length());
        json.append(payload, 0, end).append(empty ? "" : ",").append("\"eventId\":\"").append(record.position())
                .append("\",\"tenantId\":\"");
        JsonStringEncoder.getInstance().quoteAsString(record.tenantId(), json);
        return json.append("\"}").toString();
    }
}
