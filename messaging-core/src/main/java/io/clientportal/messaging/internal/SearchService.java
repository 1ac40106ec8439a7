package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.InvalidInputException;
import io.clientportal.messaging.Search;
import io.clientportal.messaging.model.Message;
import io.clientportal.messaging.model.Page;
import io.clientportal.messaging.model.SearchHit;
import io.clientportal.messaging.model.SearchQuery;
import io.clientportal.messaging.spi.ConversationScope;
import io.clientportal.messaging.spi.MessageRow;
import io.clientportal.messaging.spi.SearchRequest;
import io.clientportal.messaging.spi.SearchWords;

import java.util.ArrayList;
import java.util.List;

/**
 * Full-text search. Who sees what is decided here, once, for every store: the scope is the inbox's (what the
 * actor may view now, from the same rule), internal notes only for the team, and a store is asked only for
 * messages that are not deleted. The store matches words; the excerpt is made here.
 */
final class SearchService implements Search {

    /**
     * Characters no word search needs and that mean something wherever a query is echoed (markup, escapes): a
     * query holding them is refused rather than quietly searched for its other words. Other punctuation
     * ({@code % _ ' " & -} and so on) only separates words and is never a wildcard.
     */
    static final String REFUSED = "<>\\";

    private final Context context;
    private final String tenantId;
    private final ConversationService conversations;

    SearchService(Context context, String tenantId, ConversationService conversations) {
        this.context = context;
        this.tenantId = tenantId;
        this.conversations = conversations;
    }

    @Override
    public Page<SearchHit> messages(Actor actor, SearchQuery query) {
        Checks.notNull(actor, "actor");
        Checks.notNull(query, "query");
        List<String> terms = terms(query.text());
        int limit = Checks.pageSize(query.limit(), context.limits);
        SearchCursor cursor = query.cursor() == null ? null : SearchCursor.parse(query.cursor());
        return context.transactions.read(tenantId, tx -> {
            Facts facts = context.cachedFacts(tx.store());
            Authorizer.Subject subject = context.authorizer.subject(facts, actor);
            ConversationScope scope;
            if (query.conversation() != null) {
                conversations.requireVisible(tx.store(), actor, query.conversation());
                scope = ConversationScope.only(query.conversation());
            } else {
                scope = Scopes.of(tx.store(), subject);
            }
            // Notes are the team's: a client user's search never matches one, and shows client seqs.
            boolean clientView = Notes.clientView(actor);
            List<MessageRow> rows = tx.store().messages().search(new SearchRequest(scope, terms, !clientView,
                    cursor == null ? null : cursor.createdAt(), cursor == null ? null : cursor.messageId(),
                    limit + 1));
            boolean more = rows.size() > limit;
            List<SearchHit> hits = new ArrayList<>(Math.min(rows.size(), limit));
            for (MessageRow row : rows.subList(0, Math.min(rows.size(), limit))) {
                if (row.deleted()) {
                    continue; // a store must not return one; if it does, its (erased) text shows nothing anyway
                }
                if (!Notes.maySee(actor, row)) {
                    continue; // as for deleted ones: a store must not return a note to a client
                }
                Message message = Records.message(row, clientView);
                Snippets.Snippet snippet = Snippets.of(message.text(), terms);
                hits.add(new SearchHit(message, snippet.text(), snippet.highlights()));
            }
            String next = more ? SearchCursor.of(Records.message(rows.get(limit - 1))).encode() : null;
            return new Page<>(hits, next);
        });
    }

    /** The query's words; refuses a text that is blank, too long or has no letter or digit. */
    private static List<String> terms(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "text must not be blank");
        }
        String trimmed = text.strip();
        if (trimmed.length() > SearchQuery.MAX_TEXT_LENGTH) {
            throw new InvalidInputException("text", "text must be at most " + SearchQuery.MAX_TEXT_LENGTH
                    + " characters (was " + trimmed.length() + ")");
        }
        Checks.noControlCharacters(trimmed, "text");
        for (int i = 0; i < trimmed.length(); i++) {
            if (REFUSED.indexOf(trimmed.charAt(i)) >= 0) {
                throw new InvalidInputException("text", "text must not contain markup or escape characters ("
                        + REFUSED + ")");
            }
        }
        List<String> terms = SearchWords.terms(trimmed);
        if (terms.isEmpty()) {
            throw new InvalidInputException("text", "text must contain a letter or a digit");
        }
        return terms;
    }
}
