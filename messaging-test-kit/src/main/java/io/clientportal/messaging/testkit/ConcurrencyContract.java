package io.clientportal.messaging.testkit;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.AttachmentId;
import io.clientportal.messaging.model.HistoryQuery;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.MessageId;
import io.clientportal.messaging.model.NewAnnouncement;
import io.clientportal.messaging.model.NewMessage;
import io.clientportal.messaging.model.PostResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What concurrent callers get: gap-free seq, times that follow seqs, one message per idempotency key, horizons that
 * never go back.
 */
public abstract class ConcurrencyContract extends Contract {

    @Test
    void eightThreadsPostingAThousandMessagesEachGetSeqOneToEightThousand() throws Exception {
        var w = world();
        List<Actor> posters = List.of(w.alice, w.bob, w.agent, w.owner, w.admin, w.manager, w.alice, w.bob);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (Actor poster : posters) {
                results.add(pool.submit(() -> {
                    start.await();
                    List<Long> seqs = new ArrayList<>(1000);
                    for (int i = 0; i < 1000; i++) {
                        seqs.add(w.post(poster, w.acme, "m").seq());
                    }
                    return seqs;
                }));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                all.addAll(result.get(5, TimeUnit.MINUTES));
            }
            assertThat(all).hasSize(8000).doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 8000).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(w.messaging.conversations().get(w.owner, w.acme).lastSeq()).isEqualTo(8000);
    }

    @Test
    void aHundredConcurrentRetriesWithOneClientMessageIdStoreOneMessage() throws Exception {
        var w = world();
        Set<MessageId> ids = ConcurrentHashMap.newKeySet();
        runTogether(16, 100, i -> ids.add(w.messaging.messages().post(w.alice, w.acme,
                NewMessage.text("pay invoice 42").withClientMessageId("retry-42")).id()));

        assertThat(ids).hasSize(1);
        assertThat(w.history(w.acme)).hasSize(1);
        assertThat(w.messaging.conversations().get(w.owner, w.acme).lastSeq()).isEqualTo(1);
    }

    @Test
    void underConcurrentPostsAndAnAnnouncementTimesFollowSeqsInAConversation() throws Exception {
        var w = world();
        List<Actor> posters = List.of(w.alice, w.bob, w.agent, w.owner, w.admin, w.manager, w.alice, w.bob);
        runTogether(posters.size(), 400, i -> {
            if (i == 200) {
                w.messaging.announcements().send(w.owner, NewAnnouncement.toClients(List.of("acme"), "Closed Friday"));
            }
            w.post(posters.get(i % posters.size()), w.acme, "m" + i);
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> w.messaging.conversations().get(w.owner, w.acme)
                .lastSeq() == 401);

        List<Message> history = new ArrayList<>();
        long after = 0;
        while (history.size() < 401) {
            List<Message> page = w.messaging.messages().history(w.owner, w.acme, HistoryQuery.after(after, 100))
                    .items();
            history.addAll(page);
            after = page.get(page.size() - 1).seq();
        }
        assertThat(history).extracting(Message::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 401).boxed().toList());
        assertThat(history).extracting(Message::createdAt).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(history).filteredOn(m -> m.announcementId() != null).hasSize(1);
        assertThat(w.messaging.conversations().get(w.owner, w.acme).lastMessageAt())
                .isEqualTo(history.get(history.size() - 1).createdAt());
    }

    @Test
    void ofFiftyConcurrentPostsWithOneKeyExactlyOneIsCreatedAndTheOthersReplayIt() throws Exception {
        var w = world();
        AttachmentId file = w.messaging.attachments().upload(w.alice, "invoice.txt", "text/plain",
                new ByteArrayInputStream("42".getBytes(StandardCharsets.UTF_8))).id();
        NewMessage message = NewMessage.text("pay invoice 42").withAttachments(file).withClientMessageId("once");
        List<PostResult> results = new CopyOnWriteArrayList<>();
        runTogether(50, 50, i -> results.add(w.messaging.messages().postIdempotent(w.alice, w.acme, message)));

        assertThat(results).filteredOn(PostResult::created).hasSize(1);
        assertThat(results).filteredOn(PostResult::replayed).hasSize(49);
        assertThat(results).extracting(r -> r.message().id()).containsOnly(results.get(0).message().id());
        assertThat(w.history(w.acme)).hasSize(1).allSatisfy(m -> assertThat(m.attachments()).hasSize(1));
        assertThat(w.messaging.conversations().get(w.owner, w.acme).lastSeq()).isEqualTo(1);
    }

    @Test
    void concurrentMarkReadsLeaveTheHighestHorizon() throws Exception {
        var w = world();
        for (int i = 0; i < 50; i++) {
            w.post(w.alice, w.acme, "m" + i);
        }
        runTogether(8, 50, i -> w.messaging.messages().markRead(w.agent, w.acme, i + 1));

        assertThat(w.messaging.messages().unreadTotal(w.agent)).isZero();
    }

    /** Runs {@code count} calls on {@code threads} threads, released at once; fails if any call fails. */
    private static void runTogether(int threads, int count, IntConsumer call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    call.accept(index);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get(1, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
