package io.clientportal.messaging;

import com.sun.net.httpserver.HttpServer;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Announcement;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.MessagingObservations;
import io.clientportal.messaging.spi.ObservedOperation;
import io.clientportal.messaging.spi.OngoingObservation;
import io.clientportal.messaging.spi.TraceHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** What the engine tells its {@code MessagingObservations}: which work, with which tags, in which trace. */
class ObservationTests {

    private static final String TEXT = "the words nobody may see in a tag " + UUID.randomUUID();

    private final RecordingObservations observations = new RecordingObservations(operation -> newTrace());
    private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private Messaging messaging;
    private ConversationId acme;
    private final Actor alice = Actor.clientUser("alice");
    private final Actor olivia = Actor.teamMember("olivia");

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            headers.put("traceparent", exchange.getRequestHeaders().getFirst("traceparent"));
            headers.put("tracestate", exchange.getRequestHeaders().getFirst("tracestate"));
            requests.add(headers);
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
        messaging = Messaging.builder().observations(observations)
                .webhook(new WebhookEndpoint("crm", URI.create("http://127.0.0.1:" + receiver.getAddress().getPort()
                        + "/hook"), "secret", Set.of("MessagePosted")))
                .build();
        messaging.directory().upsertTeamMember("olivia", "Olivia", TeamRole.OWNER);
        messaging.directory().upsertTeamMember("rita", "Rita", TeamRole.AGENT);
        acme = messaging.directory().createClientAccount("acme", "Acme", AccountKind.ORGANISATION).id();
        messaging.directory().addClientUser("acme", "alice", "Alice");
        messaging.conversations().addParticipant(olivia, acme, "rita", Access.READ_ONLY);
    }

    @AfterEach
    void stop() {
        messaging.close();
        receiver.stop(0);
    }

    @Test
    void aPostIsObservedWithTheActorsKindTheStoreAndItsOutcome() {
        NewMessage message = NewMessage.text(TEXT).withClientMessageId("m-1");
        messaging.messages().post(alice, acme, message);
        messaging.messages().post(alice, acme, message);

        List<RecordingObservations.Recorded> posts = observations.named("messaging.message.post");
        assertThat(posts).hasSize(2).allSatisfy(post -> {
            assertThat(post.tags()).containsEntry("actor.kind", "client")
                    .containsEntry("store", "InMemoryMessagingStore");
            assertThat(post.operation().tenantId()).isEqualTo("default");
            assertThat(post.error()).isNull();
        });
        assertThat(posts).extracting(post -> post.tags().get("outcome")).containsExactly("success", "replayed");
    }

    @Test
    void aRefusedPostIsObservedWithItsErrorAndOutcome() {
        assertThatThrownBy(() -> messaging.messages().post(Actor.teamMember("rita"), acme, NewMessage.text(TEXT)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> messaging.messages().post(alice, acme, NewMessage.text("")))
                .isInstanceOf(InvalidInputException.class);

        List<RecordingObservations.Recorded> posts = observations.named("messaging.message.post");
        assertThat(posts).extracting(post -> post.tags().get("outcome")).containsExactly("denied", "invalid");
        assertThat(posts.get(0).tags()).containsEntry("actor.kind", "team");
        assertThat(posts.get(0).error()).isInstanceOf(AccessDeniedException.class);
        assertThat(posts.get(1).error()).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void editsDeletesAndReadsAreObserved() {
        Message posted = messaging.messages().post(alice, acme, NewMessage.text("first"));
        messaging.messages().edit(alice, posted.id(), TEXT);
        messaging.messages().history(olivia, acme, HistoryQuery.latest(10));
        messaging.conversations().inbox(olivia, InboxQuery.first(10));
        messaging.messages().delete(olivia, posted.id());
        assertThatThrownBy(() -> messaging.messages().history(Actor.clientUser("nobody"), acme,
                HistoryQuery.latest(10))).isInstanceOf(NotFoundException.class);

        assertThat(observations.named("messaging.message.edit")).singleElement()
                .satisfies(edit -> assertThat(edit.tags()).containsEntry("outcome", "success"));
        assertThat(observations.named("messaging.message.delete")).singleElement()
                .satisfies(delete -> assertThat(delete.tags()).containsEntry("actor.kind", "team"));
        assertThat(observations.named("messaging.conversation.inbox")).singleElement()
                .satisfies(inbox -> assertThat(inbox.tags()).containsEntry("outcome", "success"));
        assertThat(observations.named("messaging.message.history")).extracting(read -> read.tags().get("outcome"))
                .containsExactly("success", "not_found");
    }

    @Test
    void backgroundWorkIsObservedAndNoTagEverHoldsTextOrIds() {
        Announcement sent = messaging.announcements().send(olivia, NewAnnouncement.toAllClients(TEXT));
        Message posted = messaging.messages().post(alice, acme, NewMessage.text(TEXT));
        await().atMost(Duration.ofSeconds(10)).until(() -> messaging.announcements().get(olivia, sent.id())
                .status() == Announcement.Status.DELIVERED && !observations.named("messaging.event.relay").isEmpty()
                && !observations.named("messaging.webhook.delivery").isEmpty());

        assertThat(observations.named("messaging.announcement.chunk"))
                .extracting(chunk -> chunk.tags().get("outcome")).containsExactly("delivered", "finished");
        assertThat(observations.named("messaging.event.relay")).allSatisfy(batch ->
                assertThat(batch.tags()).containsEntry("outcome", "success"));
        for (RecordingObservations.Recorded observed : observations.all()) {
            assertThat(observed.tags().keySet()).isSubsetOf("outcome", "actor.kind", "store", "webhook.endpoint",
                    "http.status");
            assertThat(observed.tags().values()).allSatisfy(value -> assertThat(value)
                    .doesNotContain(TEXT).doesNotContain("acme").doesNotContain("alice")
                    .doesNotContain(posted.id().toString()).doesNotContain(acme.toString())
                    .doesNotContain(sent.id().toString()));
        }
    }

    @Test
    void aWebhookContinuesTheTraceOfThePostThatCausedIt() {
        TraceHeaders host = newTrace();
        // The host's request is in a trace; the post's observation is its child, and the event keeps the post's.
        OngoingObservation request = observations.start(new ObservedOperation(ObservedOperation.Kind.INBOX_READ,
                null, Map.of(), host));
        try {
            messaging.messages().post(alice, acme, NewMessage.text(TEXT));
        } finally {
            request.stop();
        }
        TraceHeaders postTrace = observations.named("messaging.message.post").get(0).trace();

        await().atMost(Duration.ofSeconds(10)).until(() -> requests.size() == 1
                && !observations.named("messaging.webhook.delivery").isEmpty());
        RecordingObservations.Recorded delivery = observations.named("messaging.webhook.delivery").get(0);
        assertThat(delivery.parent()).isEqualTo(postTrace);
        assertThat(delivery.tags()).containsEntry("webhook.endpoint", "crm").containsEntry("http.status", "202")
                .containsEntry("outcome", "delivered");
        assertThat(delivery.operation().tenantId()).isEqualTo("default");
        // The request carries the delivery's own context, a child of the post's.
        assertThat(requests.get(0)).containsEntry("traceparent", delivery.trace().traceparent())
                .containsEntry("tracestate", delivery.trace().tracestate());
    }

    @Test
    void withoutAContextOfItsOwnTheDeliverySendsTheWritesAsItIs() {
        TraceHeaders write = newTrace();
        try (Messaging plain = Messaging.builder().observations(new MessagingObservations() {
                    @Override
                    public TraceHeaders currentTrace() {
                        return write;
                    }
                })
                .webhook(WebhookEndpoint.of("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "s")
                        .forEvents("MessagePosted")).build()) {
            ConversationId solo = plain.directory().createClientAccount("solo", "Solo", AccountKind.INDIVIDUAL).id();
            plain.directory().addClientUser("solo", "ivan", "Ivan");
            plain.messages().post(Actor.clientUser("ivan"), solo, NewMessage.text(TEXT));

            await().atMost(Duration.ofSeconds(10)).until(() -> requests.size() == 1);
            assertThat(requests.get(0)).containsEntry("traceparent", write.traceparent())
                    .containsEntry("tracestate", write.tracestate());
        }
    }

    @Test
    void anEndpointNamedByItsUrlIsTaggedWithoutTheUrlsQuery() {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        RecordingObservations recording = new RecordingObservations(operation -> null);
        try (Messaging named = Messaging.builder().observations(recording)
                .webhook(WebhookEndpoint.of(url + "?token=do-not-show", "s").forEvents("MessagePosted")).build()) {
            ConversationId solo = named.directory().createClientAccount("solo", "Solo", AccountKind.INDIVIDUAL).id();
            named.directory().addClientUser("solo", "ivan", "Ivan");
            named.messages().post(Actor.clientUser("ivan"), solo, NewMessage.text(TEXT));

            await().atMost(Duration.ofSeconds(10)).until(() -> !recording.named("messaging.webhook.delivery")
                    .isEmpty());
            assertThat(recording.named("messaging.webhook.delivery").get(0).tags())
                    .containsEntry("webhook.endpoint", url);
        }
    }

    @Test
    void anObservationsImplementationThatFailsCostsTheWorkNothing() {
        try (Messaging failing = Messaging.builder().observations(new MessagingObservations() {
            @Override
            public OngoingObservation start(ObservedOperation operation) {
                throw new IllegalStateException("broken instrumentation");
            }

            @Override
            public TraceHeaders currentTrace() {
                throw new IllegalStateException("broken tracer");
            }
        }).build()) {
            ConversationId solo = failing.directory().createClientAccount("solo", "Solo", AccountKind.INDIVIDUAL)
                    .id();
            failing.directory().addClientUser("solo", "ivan", "Ivan");
            Message posted = failing.messages().post(Actor.clientUser("ivan"), solo, NewMessage.text(TEXT));
            assertThat(failing.messages().history(Actor.clientUser("ivan"), solo, HistoryQuery.latest(5)).items())
                    .containsExactly(posted);
        }
    }

    @Test
    void malformedTraceHeadersAreRefused() {
        assertThatThrownBy(() -> new TraceHeaders("00-abc-def-01", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceHeaders(newTrace().traceparent(), "a=b\r\nx-evil: 1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TraceHeaders(newTrace().traceparent(), "a".repeat(513)))
                .isInstanceOf(IllegalArgumentException.class);
        TraceHeaders valid = new TraceHeaders("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null);
        assertThat(valid.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
    }

    private static TraceHeaders newTrace() {
        String hex = UUID.randomUUID().toString().replace("-", "");
        return new TraceHeaders("00-" + hex + "-" + hex.substring(0, 16) + "-01", "test=" + hex.substring(0, 6));
    }
}
