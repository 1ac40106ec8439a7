package io.clientportal.messaging.memory;

import java.util.ArrayDeque;
import java.util.Deque;

/** The inverse of every change a unit of work made, undone newest first on rollback. */
class UndoLog {

    /** For read-only units of work: any change is a bug. */
    static final UndoLog READ_ONLY = new UndoLog() {
        @Override
        void push(Runnable undo) {
            throw new IllegalStateException("write in a read-only unit of work");
        }
    };

    /** For changes outside any unit of work, made under the store's write lock: nothing to undo. */
    static final UndoLog NONE = new UndoLog() {
        @Override
        void push(Runnable undo) {
        }
    };

    private final Deque<Runnable> actions = new ArrayDeque<>();

    void push(Runnable undo) {
        actions.push(undo);
    }

    void rollback() {
        while (!actions.isEmpty()) {
            actions.pop().run();
        }
    }

    void forget() {
        actions.clear();
    }
}
