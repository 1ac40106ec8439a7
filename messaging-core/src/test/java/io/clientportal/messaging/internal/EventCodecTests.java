package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.ConversationRead;
import io.clientportal.messaging.event.MessageDeleted;
import io.clientportal.messaging.event.MessageEdited;
import io.clientportal.messaging.event.MessagePosted;
import io.clientportal.messaging.event.MessagingEvent;
import io.clientportal.messaging.event.ParticipantAdded;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AnnouncementId;
import io.clientportal.messaging.model.Attachment;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.EventRecord;
import io.clientportal.messaging.spi.NewEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EventCodecTests {

    private final EventCodec codec = new EventCodec();
    private final ConversationId conversation = new ConversationId(UUID.randomUUID());
    private final Instant at = Instant.parse("2026-11-25T10:15:30.123456Z");

    @Test
    void everyKindOfEventSurvivesTheLogUnchangedButForItsId() {
        Message message = new Message(new MessageId(UUID.randomUUID()), conversation, 7, Actor.clientUser("alice"),
                "Alice", "Hello \"quoted\" <b>", List.of(new Attachment(new AttachmentId(UUID.randomUUID()),
                "a.png", "image/png", 12, "ab")), true, new AnnouncementId(UUID.randomUUID()), "c-1", at, null, false);
        List<MessagingEvent> events = List.of(
                new MessagePosted(null, "t1", conversation, at, message),
                new ConversationRead(null, "t1", conversation, at, Actor.teamMember("agent"), 7),
                new ParticipantAdded(null, "t1", conversation, at,
                        new Participant("agent", "Aiden", TeamRole.AGENT, Access.WRITE)),
                new ConversationDeleted(null, "t1", conversation, at, "acme", List.of("agent"), List.of("alice")));
        long position = 41;
        for (MessagingEvent event : events) {
            NewEvent encoded = codec.encode(event);
            assertThat(encoded.payload()).doesNotContain("eventId");
            MessagingEvent decoded = codec.decode(new EventRecord(++position, "t1", encoded.type(),
                    encoded.conversationId(), encoded.payload(), encoded.createdAt()));
            assertThat(decoded.eventId()).isEqualTo(Long.toString(position));
            assertThat(decoded).usingRecursiveComparison().ignoringFields("eventId").isEqualTo(event);
        }
    }

    @Test
    void anAnnouncementChunkIsEncodedExactlyAsEachEventAlone() {
        AnnouncementId announcement = new AnnouncementId(UUID.randomUUID());
        // A text that quotes an id and a "seq" must come through untouched.
        String text = "Closed on Friday \"seq\":7 " + conversation.value() + " {\"x\":[1]}";
        List<MessagingEvent> events = new java.util.ArrayList<>();
        events.add(new ConversationRead(null, "t1", conversation, at, Actor.teamMember("agent"), 3));
        for (int i = 0; i < 5; i++) {
            ConversationId target = i == 0 ? conversation : new ConversationId(UUID.randomUUID());
            Message message = new Message(new MessageId(UUID.randomUUID()), target, 40 + i, Actor.teamMember("owner"),
                    "Olivia", text, List.of(new Attachment(new AttachmentId(UUID.randomUUID()), "a.pdf",
                    "application/pdf", 3, "cd")), true, announcement, null, at, null, false);
            events.add(new MessagePosted(null, "t1", target, at, message));
        }
        Message ordinary = new Message(new MessageId(UUID.randomUUID()), conversation, 50, Actor.clientUser("alice"),
                "Alice", text, List.of(), false, null, null, at, null, false);
        events.add(new MessagePosted(null, "t1", conversation, at, ordinary));

        List<NewEvent> together = codec.encodeAll(events);

        assertThat(together).hasSameSizeAs(events);
        for (int i = 0; i < events.size(); i++) {
            assertThat(together.get(i)).isEqualTo(codec.encode(events.get(i)));
        }
    }

    @Test
    void anAnnouncementChunkAfterNotesKeepsEachConversationsClientSeq() {
        AnnouncementId announcement = new AnnouncementId(UUID.randomUUID());
        List<MessagingEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ConversationId target = new ConversationId(UUID.randomUUID());
            Message message = new Message(new MessageId(UUID.randomUUID()), target, 40 + i, Actor.teamMember("owner"),
                    "Olivia", "news \"clientSeq\":5", List.of(), false, announcement, null, at, null, false);
            // Each conversation has had its own number of notes: its client seq is its own.
            events.add(new MessagePosted(null, "t1", target, at, message, 30 - 3 * i));
        }

        List<NewEvent> together = codec.encodeAll(events);

        for (int i = 0; i < events.size(); i++) {
            assertThat(together.get(i)).isEqualTo(codec.encode(events.get(i)));
            MessagePosted decoded = (MessagePosted) codec.decode(new EventRecord(i + 1, "t1", together.get(i).type(),
                    together.get(i).conversationId(), together.get(i).payload(), together.get(i).createdAt()));
            assertThat(decoded.clientSeq()).isEqualTo(30 - 3 * i);
            assertThat(decoded.message().seq()).isEqualTo(40 + i);
        }
    }

    @Test
    void aNotesEventsSurviveTheLogWithTheirClientSeqAndAreTheTeamsOnly() {
        Message note = new Message(new MessageId(UUID.randomUUID()), conversation, 9, Actor.teamMember("agent"),
                "Aiden", "secret", List.of(), false, null, null, at, null, false, List.of(), true);
        List<MessagingEvent> events = List.of(new MessagePosted(null, "t1", conversation, at, note, 4),
                new MessageEdited(null, "t1", conversation, at, note, 4),
                new MessageDeleted(null, "t1", conversation, at, note.id(), 9, true, 4),
                new ConversationRead(null, "t1", conversation, at, Actor.teamMember("agent"), 9, 0));
        long position = 0;
        for (MessagingEvent event : events) {
            NewEvent encoded = codec.encode(event);
            MessagingEvent decoded = codec.decode(new EventRecord(++position, "t1", encoded.type(),
                    encoded.conversationId(), encoded.payload(), encoded.createdAt()));
            assertThat(decoded).usingRecursiveComparison().ignoringFields("eventId").isEqualTo(event);
            assertThat(Notes.reachesClients(decoded)).as(event.type()).isFalse();
            assertThat(Notes.mayReceive(Actor.teamMember("watcher"), decoded)).isTrue();
        }
        // A visible message's event reaches a client in its client seq.
        Message visible = new Message(new MessageId(UUID.randomUUID()), conversation, 10, Actor.teamMember("agent"),
                "Aiden", "hello", List.of(), false, null, null, at, null, false);
        MessagePosted posted = (MessagePosted) Notes.forActor(Actor.clientUser("alice"),
                new MessagePosted(null, "t1", conversation, at, visible, 5));
        assertThat(posted.message().seq()).isEqualTo(5);
        assertThat(Notes.forActor(Actor.teamMember("agent"), posted)).isSameAs(posted);
        ConversationRead teamRead = (ConversationRead) Notes.forActor(Actor.clientUser("alice"),
                new ConversationRead(null, "t1", conversation, at, Actor.teamMember("agent"), 10, 5));
        assertThat(teamRead.seq()).isEqualTo(5);
        // A client is told the team read, never which member.
        assertThat(teamRead.byTeam()).isTrue();
        assertThat(teamRead.reader()).isNull();
    }

    @Test
    void theLogsPositionAndTenantDecideOverThePayload() {
        Message message = new Message(new MessageId(UUID.randomUUID()), conversation, 3, Actor.clientUser("alice"),
                "Alice", "Hi", List.of(), false, null, null, at, null, false);
        NewEvent encoded = codec.encode(new MessagePosted(null, "written \"as\" t1", conversation, at, message));

        MessagingEvent decoded = codec.decode(new EventRecord(9, "stored \"as\" t2\\", encoded.type(),
                encoded.conversationId(), encoded.payload(), encoded.createdAt()));

        assertThat(decoded.eventId()).isEqualTo("9");
        assertThat(decoded.tenantId()).isEqualTo("stored \"as\" t2\\");
        assertThat(((MessagePosted) decoded).message()).isEqualTo(message);
    }

    @Test
    void anUnknownTypeIsSkippedNotFatal() {
        assertThat(codec.decode(new EventRecord(1, "t1", "FromTheFuture", null, "{}", at))).isNull();
    }
}
