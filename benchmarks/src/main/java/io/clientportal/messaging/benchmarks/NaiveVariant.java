package io.clientportal.messaging.benchmarks;

import io.clientportal.messaging.benchmarks.naive.NaiveConfig;
import io.clientportal.messaging.benchmarks.naive.NaiveMessaging;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.util.function.Consumer;
import javax.sql.DataSource;

/** The NAIVE baseline ({@link NaiveMessaging}) in its own Spring context on its own pool. */
final class NaiveVariant implements Variant {

    private static final int ANNOUNCEMENT_CHUNK = 1_000;

    private final AnnotationConfigApplicationContext context;
    private final NaiveMessaging naive;

    NaiveVariant(DataSource pool) {
        context = new AnnotationConfigApplicationContext();
        context.registerBean("dataSource", DataSource.class, () -> pool);
        context.register(NaiveConfig.class);
        context.refresh();
        naive = context.getBean(NaiveMessaging.class);
    }

    @Override
    public void post(long conversation, String text) {
        naive.post(Dataset.user(conversation), Dataset.conversationId(conversation), text);
    }

    @Override
    public int history(long beforeSeq) {
        return naive.history(Dataset.user(Dataset.HISTORY_CONVERSATION),
                Dataset.conversationId(Dataset.HISTORY_CONVERSATION), beforeSeq).size();
    }

    @Override
    public int inbox(int size) {
        return Math.min(naive.inbox(Dataset.AGENT, size).size(), size);
    }

    @Override
    public long markReadAndUnreadTotal(long conversation, long seq) {
        naive.markRead(Dataset.AGENT, Dataset.conversationId(conversation), seq);
        return naive.unreadTotal(Dataset.AGENT);
    }

    @Override
    public void announceToAll(String text) {
        naive.announceToAll(Dataset.OWNER, text, ANNOUNCEMENT_CHUNK);
    }

    @Override
    public AutoCloseable subscribe(boolean otherNode, Consumer<String> texts) {
        if (otherNode) {
            return null; // an in-process application event reaches no other node
        }
        naive.listen(texts);
        return () -> naive.listen(text -> { });
    }

    @Override
    public void close() {
        context.close();
    }
}
