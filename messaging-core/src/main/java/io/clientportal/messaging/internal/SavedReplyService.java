package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.ConflictException;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.LimitExceededException;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.SavedReplies;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.NewSavedReply;
import io.clientportal.messaging.model.SavedReply;
import io.clientportal.messaging.model.SavedReplyId;
import io.clientportal.messaging.model.SavedReplyPlaceholders;
import io.clientportal.messaging.model.SavedReplyQuery;
import io.clientportal.messaging.spi.ClientAccountRow;
import io.clientportal.messaging.spi.DuplicateKeyException;
import io.clientportal.messaging.spi.SavedReplyRow;
import io.clientportal.messaging.spi.SavedReplyRows;
import io.clientportal.messaging.spi.StoreTransaction;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The team's saved replies: every rule about them (who may use and manage them, what a valid one is, the cap per
 * tenant, their order, how placeholders are filled) lives here; a store keeps the rows and the shortcut's key.
 */
final class SavedReplyService implements SavedReplies {

    static final int MAX_SHORTCUT_LENGTH = 32;
    /** Short enough to type after {@code /}, and safe in a URL, a CSS selector and a log. */
    private static final Pattern SHORTCUT = Pattern.compile("[a-z0-9][a-z0-9_-]{0," + (MAX_SHORTCUT_LENGTH - 1) + "}");
    /** {@code {{name}}}, spaces allowed inside; a brace inside does not start or end one. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([^{}]*)}}");
    private static final String KNOWN_LIST = SavedReplyPlaceholders.KNOWN.stream()
            .map(name -> "{{" + name + "}}").collect(Collectors.joining(", "));
    private static final int MAX_ECHOED_PLACEHOLDER = 40;

    private static final Comparator<SavedReplyRow> BY_SHORTCUT = Comparator.comparing(SavedReplyRow::shortcut);
    private static final Comparator<SavedReplyRow> BY_TITLE = Comparator
            .comparing(SavedReplyRow::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(SavedReplyRow::title)
            .thenComparing(BY_SHORTCUT);

    private final Context context;
    private final String tenantId;
    private final ConversationService conversations;

    SavedReplyService(Context context, String tenantId, ConversationService conversations) {
        this.context = context;
        this.tenantId = tenantId;
        this.conversations = conversations;
    }

    /** A reply's fields as validated. */
    private record Valid(String title, String shortcut, String text) {
    }

    @Override
    public SavedReply create(Actor actor, NewSavedReply reply) {
        Checks.notNull(actor, "actor");
        Checks.notNull(reply, "reply");
        return shortcutKeyed(() -> context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            requireManager(store, actor, SavedReplyService::noneHere);
            Valid valid = validate(reply);
            SavedReplyRows rows = store.savedReplies();
            if (rows.byShortcut(valid.shortcut()).isPresent()) {
                throw shortcutTaken(valid.shortcut());
            }
            int max = context.limits.maxSavedReplies();
            if (rows.count() >= max) {
                throw new LimitExceededException("a team has at most " + max + " saved replies; delete one first");
            }
            Instant now = context.now();
            SavedReplyRow row = new SavedReplyRow(new SavedReplyId(context.ids.next()), valid.title(),
                    valid.shortcut(), valid.text(), actor.id(), now, now, 1);
            rows.insert(row);
            return toSavedReply(row);
        }), reply);
    }

    @Override
    public SavedReply update(Actor actor, SavedReplyId id, long expectedVersion, NewSavedReply reply) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "savedReplyId");
        Checks.notNull(reply, "reply");
        return shortcutKeyed(() -> context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            requireManager(store, actor, () -> Errors.savedReplyNotFound(id));
            SavedReplyRows rows = store.savedReplies();
            SavedReplyRow stored = rows.find(id).orElseThrow(() -> Errors.savedReplyNotFound(id));
            Valid valid = validate(reply);
            if (stored.version() != expectedVersion) {
                throw staleVersion(id, stored.version(), expectedVersion);
            }
            if (!stored.shortcut().equals(valid.shortcut())
                    && rows.byShortcut(valid.shortcut()).filter(other -> !other.id().equals(id)).isPresent()) {
                throw shortcutTaken(valid.shortcut());
            }
            SavedReplyRow changed = new SavedReplyRow(id, valid.title(), valid.shortcut(), valid.text(),
                    stored.createdBy(), stored.createdAt(), context.now(), stored.version() + 1);
            if (!rows.update(changed, expectedVersion)) {
                // Another unit changed or deleted it since it was read here: the caller reloads and decides.
                throw rows.find(id).map(now -> staleVersion(id, now.version(), expectedVersion))
                        .orElseThrow(() -> Errors.savedReplyNotFound(id));
            }
            return toSavedReply(changed);
        }), reply);
    }

    @Override
    public void delete(Actor actor, SavedReplyId id) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "savedReplyId");
        context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            requireManager(store, actor, () -> Errors.savedReplyNotFound(id));
            if (!store.savedReplies().delete(id)) {
                throw Errors.savedReplyNotFound(id);
            }
            return null;
        });
    }

    @Override
    public List<SavedReply> list(Actor actor, SavedReplyQuery query) {
        Checks.notNull(actor, "actor");
        Checks.notNull(query, "query");
        return context.transactions.read(tenantId, tx -> {
            requireUser(tx.store(), actor, SavedReplyService::noneHere);
            String prefix = query.prefix() == null ? null : prefix(query.prefix());
            return tx.store().savedReplies().all().stream()
                    .filter(row -> prefix == null || row.shortcut().startsWith(prefix)
                            || row.title().toLowerCase(Locale.ROOT).contains(prefix))
                    .sorted(query.order() == SavedReplyQuery.Order.SHORTCUT ? BY_SHORTCUT : BY_TITLE)
                    .map(SavedReplyService::toSavedReply)
                    .toList();
        });
    }

    @Override
    public SavedReply get(Actor actor, SavedReplyId id) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "savedReplyId");
        return context.transactions.read(tenantId, tx -> {
            requireUser(tx.store(), actor, () -> Errors.savedReplyNotFound(id));
            return tx.store().savedReplies().find(id).map(SavedReplyService::toSavedReply)
                    .orElseThrow(() -> Errors.savedReplyNotFound(id));
        });
    }

    @Override
    public String render(Actor actor, SavedReplyId id, ConversationId conversationId) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "savedReplyId");
        Checks.notNull(conversationId, "conversationId");
        return context.transactions.read(tenantId, tx -> {
            StoreTransaction store = tx.store();
            Authorizer.Subject subject = requireUser(store, actor, () -> Errors.savedReplyNotFound(id));
            SavedReplyRow reply = store.savedReplies().find(id).orElseThrow(() -> Errors.savedReplyNotFound(id));
            Conversation conversation = conversations.visibleConversation(store, actor, conversationId);
            ClientAccountRow account = store.directory().clientAccount(conversation.clientAccountId()).orElse(null);
            String clientName = account != null ? account.name() : conversation.clientName();
            boolean individual = account != null && account.kind() == AccountKind.INDIVIDUAL;
            String myName = subject.name() != null ? subject.name() : actor.id();
            return fill(reply.text(), Map.of(
                    SavedReplyPlaceholders.CLIENT_NAME, clientName,
                    SavedReplyPlaceholders.CLIENT_FIRST_NAME, individual ? firstWord(clientName) : clientName,
                    SavedReplyPlaceholders.ME_NAME, myName,
                    SavedReplyPlaceholders.ME_FIRST_NAME, firstWord(myName)));
        });
    }

    // --- rules ------------------------------------------------------------------------------------------------

    private Authorizer.Subject requireUser(StoreTransaction store, Actor actor, Supplier<NotFoundException> notFound) {
        Authorizer.Subject subject = context.authorizer.subject(context.cachedFacts(store), actor);
        context.authorizer.requireSavedRepliesUser(subject, notFound);
        return subject;
    }

    /** Writes are authorised against the store in their own unit of work, never from the cache. */
    private void requireManager(StoreTransaction store, Actor actor, Supplier<NotFoundException> notFound) {
        Authorizer.Subject subject = context.authorizer.subject(Facts.direct(store), actor);
        context.authorizer.requireSavedRepliesManager(subject, notFound);
    }

    private Valid validate(NewSavedReply reply) {
        String title = Checks.name(reply.title(), "title");
        String shortcut = shortcut(reply.shortcut());
        String text = Checks.text(reply.text(), context.limits, false);
        Matcher placeholders = PLACEHOLDER.matcher(text);
        while (placeholders.find()) {
            String name = placeholders.group(1).strip();
            if (!SavedReplyPlaceholders.KNOWN.contains(name)) {
                String shown = name.length() > MAX_ECHOED_PLACEHOLDER
                        ? name.substring(0, MAX_ECHOED_PLACEHOLDER) + "..." : name;
                throw new InvalidInputException("text", "text has the unknown placeholder {{"
                        + shown.replaceAll("\\p{Cntrl}", " ") + "}}; the known ones are " + KNOWN_LIST);
            }
        }
        return new Valid(title, shortcut, text);
    }

    private static String shortcut(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("shortcut", "shortcut must not be blank");
        }
        String shortcut = value.strip().toLowerCase(Locale.ROOT);
        if (!SHORTCUT.matcher(shortcut).matches()) {
            throw new InvalidInputException("shortcut", "shortcut must be 1 to " + MAX_SHORTCUT_LENGTH
                    + " of a-z, 0-9, '-' and '_', starting with a letter or digit");
        }
        return shortcut;
    }

    private static String prefix(String value) {
        if (value.length() > Checks.MAX_NAME_LENGTH) {
            throw new InvalidInputException("prefix", "prefix must be at most " + Checks.MAX_NAME_LENGTH
                    + " characters");
        }
        Checks.noControlCharacters(value, "prefix");
        return value.strip().toLowerCase(Locale.ROOT);
    }

    static String fill(String template, Map<String, String> values) {
        Matcher placeholders = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder(template.length() + 64);
        while (placeholders.find()) {
            String value = values.get(placeholders.group(1).strip());
            // A name unknown now was known when the reply was saved (none other is accepted): left as written.
            placeholders.appendReplacement(filled, Matcher.quoteReplacement(
                    value != null ? value : placeholders.group()));
        }
        placeholders.appendTail(filled);
        return filled.toString();
    }

    private static String firstWord(String name) {
        String stripped = name.strip();
        int space = 0;
        while (space < stripped.length() && !Character.isWhitespace(stripped.charAt(space))) {
            space++;
        }
        return stripped.substring(0, space);
    }

    /** A unique key hit by a unit that raced this one to the same shortcut answers like the check before it. */
    private static SavedReply shortcutKeyed(Supplier<SavedReply> write, NewSavedReply reply) {
        try {
            return write.get();
        } catch (DuplicateKeyException raced) {
            if (raced.key() != DuplicateKeyException.Key.SAVED_REPLY_SHORTCUT) {
                throw raced;
            }
            throw shortcutTaken(String.valueOf(reply.shortcut()).strip().toLowerCase(Locale.ROOT));
        }
    }

    private static ConflictException shortcutTaken(String shortcut) {
        return new ConflictException("shortcut", "another saved reply has the shortcut /" + shortcut);
    }

    private static ConflictException staleVersion(SavedReplyId id, long stored, long expected) {
        return new ConflictException("version", "saved reply " + id + " is at version " + stored + ", not "
                + expected + ": someone changed it meanwhile; reload it");
    }

    private static NotFoundException noneHere() {
        return new NotFoundException("saved replies not found");
    }

    static SavedReply toSavedReply(SavedReplyRow row) {
        return new SavedReply(row.id(), row.title(), row.shortcut(), row.text(), row.createdBy(), row.updatedAt(),
                row.version());
    }
}
