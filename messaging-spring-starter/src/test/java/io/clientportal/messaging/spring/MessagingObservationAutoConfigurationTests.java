package io.clientportal.messaging.spring;

import io.clientportal.messaging.AccessDeniedException;
import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.InboxQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.MessagingObservations;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine's observations on the host's {@link ObservationRegistry}, and when they are (not) configured. */
class MessagingObservationAutoConfigurationTests {

    private static final String TEXT = "words that stay out of every key value " + UUID.randomUUID();

    @TempDir
    Path attachments;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MessagingObservationAutoConfiguration.class,
                        MessagingAutoConfiguration.class, MessagingAttachmentsAutoConfiguration.class))
                .withPropertyValues("messaging.attachments.storage-path=" + attachments);
    }

    @Test
    void postsEditsDeletesAndReadsAreObservedWithLowCardinalityTagsAndNoText() {
        runner().withUserConfiguration(TestRegistry.class).run(context -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
            registry.observationConfig().observationHandler(new ObservationHandler<>() {
                @Override
                public boolean supportsContext(Observation.Context observed) {
                    return true;
                }

                @Override
                public void onStop(Observation.Context observed) {
                    stopped.add(observed);
                }
            });
            Messaging messaging = context.getBean(Messaging.class);
            ConversationId acme = world(messaging);
            Actor olivia = Actor.teamMember("olivia");
            Message posted = messaging.messages().post(Actor.clientUser("cathy"), acme, NewMessage.text(TEXT));
            messaging.messages().edit(Actor.clientUser("cathy"), posted.id(), TEXT + " edited");
            messaging.messages().history(olivia, acme, HistoryQuery.latest(10));
            messaging.conversations().inbox(olivia, InboxQuery.first(10));
            messaging.messages().delete(olivia, posted.id());

            assertThat(registry).hasObservationWithNameEqualTo("messaging.message.post").that()
                    .hasBeenStarted().hasBeenStopped()
                    .hasLowCardinalityKeyValue("outcome", "success")
                    .hasLowCardinalityKeyValue("actor.kind", "client")
                    .hasLowCardinalityKeyValue("store", "InMemoryMessagingStore")
                    .doesNotHaveLowCardinalityKeyValueWithKey("tenant")
                    .doesNotHaveError();
            assertThat(registry).hasObservationWithNameEqualTo("messaging.message.edit").that()
                    .hasLowCardinalityKeyValue("outcome", "success");
            assertThat(registry).hasObservationWithNameEqualTo("messaging.message.delete").that()
                    .hasLowCardinalityKeyValue("actor.kind", "team");
            assertThat(registry).hasObservationWithNameEqualTo("messaging.message.history").that()
                    .hasLowCardinalityKeyValue("outcome", "success");
            assertThat(registry).hasObservationWithNameEqualTo("messaging.conversation.inbox").that()
                    .hasLowCardinalityKeyValue("outcome", "success");
            assertThat(stopped).hasSizeGreaterThanOrEqualTo(5).allSatisfy(observation -> {
                for (KeyValue keyValue : observation.getAllKeyValues()) {
                    assertThat(keyValue.getValue()).doesNotContain(TEXT).doesNotContain(acme.toString())
                            .doesNotContain(posted.id().toString()).doesNotContain("cathy");
                }
                assertThat(observation).isInstanceOf(MessagingObservationContext.class);
            });
        });
    }

    @Test
    void aRefusedPostIsObservedWithItsErrorAndOutcome() {
        runner().withUserConfiguration(TestRegistry.class).run(context -> {
            TestObservationRegistry registry = context.getBean(TestObservationRegistry.class);
            Messaging messaging = context.getBean(Messaging.class);
            ConversationId acme = world(messaging);
            assertThatThrownBy(() -> messaging.messages().post(Actor.teamMember("rita"), acme,
                    NewMessage.text(TEXT))).isInstanceOf(AccessDeniedException.class);

            assertThat(registry).hasObservationWithNameEqualTo("messaging.message.post").that()
                    .hasLowCardinalityKeyValue("outcome", "denied")
                    .hasLowCardinalityKeyValue("actor.kind", "team")
                    .hasError()
                    .assertThatError().isInstanceOf(AccessDeniedException.class);
        });
    }

    @Test
    void theTenantIsAKeyValueOnlyWhenAskedFor() {
        runner().withUserConfiguration(TestRegistry.class)
                .withPropertyValues("messaging.observations.tenant-tag=true").run(context -> {
                    Messaging agency = context.getBean(Messaging.class).tenant("agency-7");
                    ConversationId acme = world(agency);
                    agency.messages().post(Actor.clientUser("cathy"), acme, NewMessage.text(TEXT));

                    assertThat(context.getBean(TestObservationRegistry.class))
                            .hasObservationWithNameEqualTo("messaging.message.post").that()
                            .hasLowCardinalityKeyValue("tenant", "agency-7");
                });
    }

    @Test
    void anObservationsBeanOfTheApplicationsWins() {
        runner().withUserConfiguration(TestRegistry.class, OwnObservations.class).run(context -> {
            assertThat(context).doesNotHaveBean(MicrometerMessagingObservations.class);
            Messaging messaging = context.getBean(Messaging.class);
            messaging.messages().post(Actor.clientUser("cathy"), world(messaging), NewMessage.text(TEXT));
            assertThat(context.getBean(TestObservationRegistry.class)).doesNotHaveAnyObservation();
        });
    }

    @Test
    void withoutARegistryOrMicrometerNothingIsObservedAndMessagingWorks() {
        runner().run(context -> {
            assertThat(context).doesNotHaveBean(MicrometerMessagingObservations.class);
            Messaging messaging = context.getBean(Messaging.class);
            messaging.messages().post(Actor.clientUser("cathy"), world(messaging), NewMessage.text(TEXT));
        });
        runner().withUserConfiguration(TestRegistry.class)
                .withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
                .run(context -> assertThat(context).hasSingleBean(Messaging.class)
                        .doesNotHaveBean(MicrometerMessagingObservations.class));
    }

    @Test
    void theTraceContextComesFromMicrometerTracingWhenTheApplicationTraces() {
        ApplicationContextRunner tracing = runner().withConfiguration(AutoConfigurations.of(
                ObservationAutoConfiguration.class, MicrometerTracingAutoConfiguration.class,
                BraveAutoConfiguration.class)).withPropertyValues("management.tracing.sampling.probability=1.0");
        tracing.run(context -> {
            assertThat(context).hasSingleBean(MicrometerTraceHeaders.class)
                    .hasSingleBean(MicrometerMessagingObservations.class);
            Tracer tracer = context.getBean(Tracer.class);
            var span = tracer.nextSpan().start();
            try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                var trace = context.getBean(MicrometerTraceHeaders.class).get();
                assertThat(trace.traceparent()).isEqualTo("00-" + span.context().traceId() + "-"
                        + span.context().spanId() + "-01");
            } finally {
                span.end();
            }
            assertThat(context.getBean(MicrometerTraceHeaders.class).get()).isNull();
        });
        tracing.withClassLoader(new FilteredClassLoader(Tracer.class))
                .run(context -> assertThat(context).doesNotHaveBean(MicrometerTraceHeaders.class)
                        .hasSingleBean(MicrometerMessagingObservations.class));
    }

    private static ConversationId world(Messaging messaging) {
        messaging.directory().upsertTeamMember("olivia", "Olivia", TeamRole.OWNER);
        messaging.directory().upsertTeamMember("rita", "Rita", TeamRole.AGENT);
        ConversationId acme = messaging.directory().createClientAccount("acme", "Acme", AccountKind.ORGANISATION)
                .id();
        messaging.directory().addClientUser("acme", "cathy", "Cathy");
        messaging.conversations().addParticipant(Actor.teamMember("olivia"), acme, "rita", Access.READ_ONLY);
        return acme;
    }

    @Configuration(proxyBeanMethods = false)
    static class TestRegistry {
        @Bean
        TestObservationRegistry testObservationRegistry() {
            return TestObservationRegistry.create();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnObservations {
        @Bean
        MessagingObservations ownObservations() {
            return new MessagingObservations() {
            };
        }
    }
}
