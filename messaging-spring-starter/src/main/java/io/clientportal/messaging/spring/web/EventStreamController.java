package io.clientportal.messaging.spring.web;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.Messaging;
import io.clientportal.messaging.Subscription;
import io.clientportal.messaging.event.MessagingEvent;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /events}: the caller's real-time feed as server-sent events. Each event carries {@code id:} (resume
 * with {@code Last-Event-ID}), {@code event:} (its type) and JSON {@code data:}. Idle streams get heartbeat
 * comments. The stream ends when the caller loses access to messaging (for example is removed from the directory);
 * a {@code StreamReset} event tells the client to reload. A client that stops reading holds up nobody else's stream,
 * events or heartbeats; once it falls {@code messaging.events.buffer-size} events behind its stream ends with a
 * {@code StreamReset} whose id resumes right after the last event it got. When the application stops, its open
 * streams end first ({@link OpenEventStreams}), so that the web server's graceful shutdown does not wait for them.
 */
@RestController
@RequestMapping("${messaging.web.base-path:/api/messaging}")
final class EventStreamController {

    private final MessagingJson json;
    private final SseHeartbeats heartbeats;
    private final OpenEventStreams openStreams;
    private final Duration timeout;

    EventStreamController(MessagingJson json, SseHeartbeats heartbeats, OpenEventStreams openStreams,
                          Duration timeout) {
        this.json = json;
        this.heartbeats = heartbeats;
        this.openStreams = openStreams;
        this.timeout = timeout;
    }

    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Messaging messaging, Actor actor,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        SseEmitter emitter = new SseEmitter(timeout.toMillis());
        SseStream stream = new SseStream(emitter);
        CompletableFuture<Subscription> subscription = new CompletableFuture<>();
        ReadyFirst ready = new ReadyFirst(stream, subscription);
        // Events arrive on the subscription's own delivery thread: a client that stops reading blocks only that.
        Subscription opened = messaging.events().subscribe(actor, lastEventId, event -> {
            ready.sendOnce();
            send(stream, event, subscription);
        });
        subscription.complete(opened);
        ScheduledFuture<?> heartbeat = heartbeats.schedule(() -> {
            if (!stream.heartbeat()) {
                opened.close();
            }
        });
        Runnable stop = () -> {
            openStreams.remove(stream);
            heartbeat.cancel(false);
            opened.close();
        };
        emitter.onCompletion(stop);
        emitter.onTimeout(() -> {
            stop.run();
            stream.complete();
        });
        emitter.onError(error -> stop.run());
        opened.onClose(() -> {
            openStreams.remove(stream);
            heartbeat.cancel(false);
            stream.complete();
        });
        // Sent at once (and always before the first event), so the client knows the subscription is in place and
        // holds an id to resume from even if the stream drops before any event arrives.
        ready.sendOnce();
        if (!openStreams.add(stream)) {
            opened.close();   // the application is stopping: the client reconnects, to another node
        }
        return emitter;
    }

    /** The {@code ready} event, whose id is where the subscription started; sent once, before any other event. */
    private static final class ReadyFirst {

        private final SseStream stream;
        private final CompletableFuture<Subscription> subscription;
        private boolean sent;

        ReadyFirst(SseStream stream, CompletableFuture<Subscription> subscription) {
            this.stream = stream;
            this.subscription = subscription;
        }

        synchronized void sendOnce() {
            if (sent) {
                return;
            }
            // An event can arrive before subscribe() has returned; the subscription is set right after it.
            Subscription current = subscription.join();
            sent = true;
            if (!stream.send(SseFrame.event().id(current.startEventId()).name("ready").data("{}")
                    .reconnectTime(3_000))) {
                current.close();
            }
        }
    }

    private void send(SseStream stream, MessagingEvent event, CompletableFuture<Subscription> subscription) {
        if (!stream.send(SseFrame.event().id(event.eventId()).name(event.type()).data(json.write(event)))) {
            subscription.thenAccept(Subscription::close);
        }
    }
}
