package io.clientportal.messaging;

import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.InboundReply;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.ReplyOutcome;
import io.clientportal.messaging.model.TeamRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Replies by email through the Java API, on the in-memory store: the token decides who and where, once. */
class ReplyByEmailTests {

    static final String SECRET = "0123456789abcdef0123456789abcdef-reply";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    final MovableClock clock = new MovableClock();
    final ReplyTokens tokens = new ReplyTokens(SECRET, Duration.ofDays(30), clock);
    Messaging messaging;
    ConversationId conversation;
    final Actor client = Actor.clientUser("cathy");
    final Actor agent = Actor.teamMember("alice");

    @BeforeEach
    void setUp() {
        messaging = Messaging.builder().clock(clock).replyTokens(tokens).build();
        messaging.directory().upsertTeamMember("olivia", "Olivia Owner", TeamRole.OWNER);
        messaging.directory().upsertTeamMember("alice", "Alice Agent", TeamRole.AGENT);
        conversation = messaging.directory().createClientAccount("acme", "Acme Ltd", AccountKind.ORGANISATION).id();
        messaging.directory().addClientUser("acme", "cathy", "Cathy Client");
        messaging.conversations().addParticipant(Actor.teamMember("olivia"), conversation, "alice", Access.WRITE);
    }

    @AfterEach
    void tearDown() {
        messaging.close();
    }

    List<Message> history() {
        return messaging.messages().history(agent, conversation, HistoryQuery.latest(50)).items();
    }

    InboundReply reply(Actor who, String messageId, String text, InboundReply.Attachment... files) {
        return new InboundReply(tokens.issue("default", who, conversation), messageId, text, List.of(files));
    }

    @Test
    void aReplyIsPostedOnceAsItsPersonWithoutQuoteOrSignature() {
        InboundReply reply = reply(client, "<m1@mail.example>", "Signed it.\n-- \nCathy\n\nOn Mon, Alice wrote:\n> ?");

        ReplyOutcome first = messaging.notifications().receiveReply(reply);
        ReplyOutcome again = messaging.tenant("other").notifications().receiveReply(reply);

        assertThat(first.status()).isEqualTo(ReplyOutcome.Status.POSTED);
        assertThat(again.status()).isEqualTo(ReplyOutcome.Status.DUPLICATE);
        assertThat(again.messageId()).isEqualTo(first.messageId());
        assertThat(history()).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo("Signed it.");
            assertThat(m.author()).isEqualTo(client);
        });
    }

    @Test
    void forgedExpiredAndMalformedTokensPostNothing() {
        String genuine = tokens.issue("default", client, conversation);
        String forged = new ReplyTokens(SECRET.replace('0', '1'), Duration.ofDays(30), clock)
                .issue("default", client, conversation);
        char last = genuine.charAt(genuine.length() - 1);
        String tampered = genuine.substring(0, genuine.length() - 1) + (last == 'a' ? 'b' : 'a');
        for (String token : List.of(forged, tampered, genuine + "a", "", "not a token!", genuine.substring(0, 20))) {
            assertThat(messaging.notifications().receiveReply(new InboundReply(token, "<x@y>", "Hi", List.of()))
                    .status()).isEqualTo(ReplyOutcome.Status.REFUSED);
        }
        clock.advance(Duration.ofDays(30));
        assertThat(messaging.notifications().receiveReply(new InboundReply(genuine, "<x@y>", "Hi", List.of()))
                .status()).isEqualTo(ReplyOutcome.Status.REFUSED);
        assertThat(history()).isEmpty();
    }

    @Test
    void aTokenAlteredInItsLastCharacterIsRefused() {
        // The last base32 character carries bits past the last byte; a decoder that ignored them took up to 15 other
        // last characters for the genuine token (the CI run of 2026-12-02 met one).
        for (String tenant : List.of("default", "t", "tenant-with-a-longer-name")) {
            String genuine = tokens.issue(tenant, client, conversation);
            String stem = genuine.substring(0, genuine.length() - 1);
            for (char c : "abcdefghijklmnopqrstuvwxyz234567".toCharArray()) {
                String altered = stem + c;
                assertThat(tokens.verify(altered).isPresent()).as(altered).isEqualTo(altered.equals(genuine));
                assertThat(tokens.verify(altered.toUpperCase(Locale.ROOT)).isPresent())
                        .isEqualTo(altered.equals(genuine));
            }
        }
    }

    @Test
    void aTokenNamesOnlyItsOwnConversationAndTenant() {
        ConversationId other = messaging.directory().createClientAccount("globex", "Globex", AccountKind.INDIVIDUAL)
                .id();
        assertThat(tokens.verify(tokens.issue("default", client, conversation)).orElseThrow())
                .isEqualTo(new ReplyTokens.Subject("default", client, conversation));
        // Cathy's token into another conversation (as if made for it) is refused by the post's authorisation.
        ReplyOutcome outcome = messaging.notifications().receiveReply(
                new InboundReply(tokens.issue("default", client, other), "<o@y>", "Hi", List.of()));
        assertThat(outcome.status()).isEqualTo(ReplyOutcome.Status.REFUSED);
        assertThat(messaging.messages().history(Actor.teamMember("olivia"), other, HistoryQuery.latest(10))
                .items()).isEmpty();
        // The same person and conversation in another tenant: not there.
        assertThat(messaging.notifications().receiveReply(new InboundReply(tokens.issue("other", client,
                conversation), "<t@y>", "Hi", List.of())).status()).isEqualTo(ReplyOutcome.Status.REFUSED);
    }

    @Test
    void whoLostAccessSinceTheEmailIsRefused() {
        InboundReply fromAgent = reply(agent, "<a1@mail.example>", "On it");
        InboundReply fromClient = reply(client, "<c1@mail.example>", "Hello?");
        messaging.conversations().changeAccess(Actor.teamMember("olivia"), conversation, "alice", Access.READ_ONLY);
        messaging.directory().removeClientUser("cathy");

        assertThat(messaging.notifications().receiveReply(fromAgent).status())
                .isEqualTo(ReplyOutcome.Status.REFUSED);
        assertThat(messaging.notifications().receiveReply(fromClient).status())
                .isEqualTo(ReplyOutcome.Status.REFUSED);
        assertThat(messaging.messages().history(Actor.teamMember("olivia"), conversation, HistoryQuery.latest(10))
                .items()).isEmpty();
    }

    @Test
    void attachmentsGoThroughTheUploadChecksAndRefusedOnesAreLeftOut() {
        InboundReply reply = reply(client, "<f1@mail.example>", "Scan attached", new InboundReply.Attachment(
                "scan.png", "application/octet-stream", PNG), new InboundReply.Attachment("run.pdf", "application/pdf",
                "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1)));

        ReplyOutcome outcome = messaging.notifications().receiveReply(reply);

        assertThat(outcome.status()).isEqualTo(ReplyOutcome.Status.POSTED);
        assertThat(outcome.droppedAttachments()).isEqualTo(1);
        assertThat(history()).singleElement().satisfies(m -> assertThat(m.attachments()).singleElement()
                .satisfies(a -> {
                    assertThat(a.filename()).isEqualTo("scan.png");
                    assertThat(a.contentType()).isEqualTo("image/png");
                }));
        // The same mail again (its attachment uploaded anew): still one message.
        assertThat(messaging.notifications().receiveReply(reply).status()).isEqualTo(ReplyOutcome.Status.DUPLICATE);
        assertThat(history()).hasSize(1);
    }

    @Test
    void aReplyWithNothingOfItsOwnIsRefused() {
        assertThat(messaging.notifications().receiveReply(reply(client, "<e@y>", "> only the quote\n-- \nCathy"))
                .status()).isEqualTo(ReplyOutcome.Status.REFUSED);
        assertThat(history()).isEmpty();
    }

    @Test
    void withoutReplyTokensEveryReplyIsRefused() {
        try (Messaging plain = Messaging.builder().build()) {
            assertThat(plain.notifications().receiveReply(reply(client, "<p@y>", "Hi")).status())
                    .isEqualTo(ReplyOutcome.Status.REFUSED);
        }
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
