package io.clientportal.messaging.memory;

import io.clientportal.messaging.model.SavedReplyId;
import io.clientportal.messaging.spi.DuplicateKeyException;
import io.clientportal.messaging.spi.SavedReplyRow;
import io.clientportal.messaging.spi.SavedReplyRows;

import java.util.List;
import java.util.Optional;

/** The saved replies of one unit of work, with the shortcut's unique key the JPA store's table has. */
record MemorySavedReplies(TenantData data, UndoLog undo) implements SavedReplyRows {

    @Override
    public void insert(SavedReplyRow reply) {
        if (data.savedReplyShortcuts.contains(reply.shortcut())) {
            throw new DuplicateKeyException(DuplicateKeyException.Key.SAVED_REPLY_SHORTCUT, null);
        }
        data.savedReplies.put(undo, reply.id(), reply);
        data.savedReplyShortcuts.put(undo, reply.shortcut(), reply.id());
    }

    @Override
    public Optional<SavedReplyRow> find(SavedReplyId id) {
        return data.savedReplies.find(id);
    }

    @Override
    public Optional<SavedReplyRow> byShortcut(String shortcut) {
        return data.savedReplyShortcuts.find(shortcut).flatMap(data.savedReplies::find);
    }

    @Override
    public boolean update(SavedReplyRow reply, long expectedVersion) {
        SavedReplyRow stored = data.savedReplies.find(reply.id()).orElse(null);
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        if (!stored.shortcut().equals(reply.shortcut())) {
            if (data.savedReplyShortcuts.contains(reply.shortcut())) {
                throw new DuplicateKeyException(DuplicateKeyException.Key.SAVED_REPLY_SHORTCUT, null);
            }
            data.savedReplyShortcuts.remove(undo, stored.shortcut());
            data.savedReplyShortcuts.put(undo, reply.shortcut(), reply.id());
        }
        data.savedReplies.put(undo, reply.id(), reply);
        return true;
    }

    @Override
    public boolean delete(SavedReplyId id) {
        SavedReplyRow removed = data.savedReplies.remove(undo, id);
        if (removed == null) {
            return false;
        }
        data.savedReplyShortcuts.remove(undo, removed.shortcut());
        return true;
    }

    @Override
    public List<SavedReplyRow> all() {
        return List.copyOf(data.savedReplies.all().values());
    }

    @Override
    public int count() {
        return data.savedReplies.all().size();
    }
}
