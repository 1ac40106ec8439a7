package io.clientportal.messaging.internal;

import io.clientportal.messaging.Actor;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.ReadReceipt;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.spi.AccessDecision;
import io.clientportal.messaging.spi.Permission;
import io.clientportal.messaging.spi.ReadHorizonRow;
import io.clientportal.messaging.spi.StoreTransaction;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read receipts, the rule said once: who has read how far, as the asking actor may be told it. The team is told
 * every reader by name in team seqs. A client is told the client users of its account by name in client seqs, and
 * the team as one reader ({@link ReadReceipt.Reader#TEAM}, the engine's team display name) at the furthest client
 * seq read by a team member whose reads clients are told ({@link #toldToClients}); a member's horizon at a note counts
 * as the message before it. The live feed tells reads by the same rule ({@link Notes#forActor}).
 */
final class ReadReceipts {

    /** Furthest read first; then by name, so that a page shows the same order every time. */
    private static final Comparator<ReadReceipt> ORDER = Comparator.comparingLong(ReadReceipt::seq).reversed()
            .thenComparing(ReadReceipt::displayName).thenComparing(r -> r.reader().kind())
            .thenComparing(r -> r.reader().id(), Comparator.nullsFirst(Comparator.naturalOrder()));

    private final Context context;
    private final String tenantId;
    private final ConversationService conversations;

    ReadReceipts(Context context, String tenantId, ConversationService conversations) {
        this.context = context;
        this.tenantId = tenantId;
        this.conversations = conversations;
    }

    /**
     * Whether clients are told a team member's reads: when the policy lets the member post a message clients see
     * there (by default owners, admins, managers, and agents with WRITE; never watchers or read-only agents).
     */
    static boolean toldToClients(Authorizer authorizer, Facts facts, Authorizer.Subject member, ConversationId id,
                                 String accountId) {
        return member.isKnown()
                && authorizer.decide(facts, member, id, accountId, Permission.POST, false, false)
                == AccessDecision.ALLOW;
    }

    List<ReadReceipt> of(Actor actor, ConversationId id) {
        Checks.notNull(actor, "actor");
        Checks.notNull(id, "conversationId");
        return context.transactions.read(tenantId, tx -> {
            StoreTransaction store = tx.store();
            String accountId = conversations.requireVisible(store, actor, id);
            List<ReadHorizonRow> horizons = store.readState().horizons(id);
            Facts facts = context.cachedFacts(store);
            List<ReadReceipt> receipts = Notes.clientView(actor)
                    ? forClient(store, facts, id, accountId, horizons) : forTeam(facts, accountId, horizons);
            return receipts.stream().sorted(ORDER).toList();
        });
    }

    private static List<ReadReceipt> forTeam(Facts facts, String accountId, List<ReadHorizonRow> horizons) {
        List<ReadReceipt> receipts = new ArrayList<>();
        for (ReadHorizonRow horizon : horizons) {
            nameOf(facts, horizon.reader(), accountId).filter(name -> horizon.teamSeq() > 0).ifPresent(name ->
                    receipts.add(new ReadReceipt(ReadReceipt.Reader.of(horizon.reader()), name, horizon.teamSeq())));
        }
        return receipts;
    }

    private List<ReadReceipt> forClient(StoreTransaction store, Facts cached, ConversationId id, String accountId,
                                        List<ReadHorizonRow> horizons) {
        List<ReadReceipt> receipts = new ArrayList<>();
        List<ReadHorizonRow> team = new ArrayList<>();
        for (ReadHorizonRow horizon : horizons) {
            if (horizon.reader().isTeamMember()) {
                team.add(horizon);
            } else {
                nameOf(cached, horizon.reader(), accountId).ifPresent(name -> receipts.add(new ReadReceipt(
                        ReadReceipt.Reader.of(horizon.reader()), name, horizon.clientSeq())));
            }
        }
        // The members' access here, in one query for all of them (not one per member on a cold cache).
        Map<String, Access> accesses = team.isEmpty() ? Map.of() : store.conversations().participantAccesses(
                List.of(id), team.stream().map(h -> h.reader().id()).toList()).getOrDefault(id, Map.of());
        Facts facts = cached.withParticipantAccess(id, member -> Optional.ofNullable(accesses.get(member)));
        long furthest = 0;
        for (ReadHorizonRow horizon : team) {
            Authorizer.Subject member = context.authorizer.subject(facts, horizon.reader());
            if (horizon.clientSeq() > furthest
                    && toldToClients(context.authorizer, facts, member, id, accountId)) {
                furthest = horizon.clientSeq();
            }
        }
        if (furthest > 0) {
            receipts.add(new ReadReceipt(ReadReceipt.Reader.TEAM, context.teamDisplayName, furthest));
        }
        return receipts;
    }

    /** A reader's name, for readers the directory still knows (a client user: of the conversation's account). */
    private static Optional<String> nameOf(Facts facts, Actor reader, String accountId) {
        if (reader.isTeamMember()) {
            return facts.teamMember(reader.id()).map(TeamMember::displayName);
        }
        return facts.clientUser(reader.id()).filter(user -> user.accountId().equals(accountId))
                .map(ClientUser::displayName);
    }
}
