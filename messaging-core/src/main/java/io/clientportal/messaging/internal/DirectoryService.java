package io.clientportal.messaging.internal;

import io.clientportal.messaging.ConflictException;
import io.clientportal.messaging.Directory;
import io.clientportal.messaging.NotFoundException;
import io.clientportal.messaging.event.ClientUserChanged;
import io.clientportal.messaging.event.ClientUserRemoved;
import io.clientportal.messaging.event.ConversationAssigned;
import io.clientportal.messaging.event.ConversationCreated;
import io.clientportal.messaging.event.ConversationDeleted;
import io.clientportal.messaging.event.ConversationUpdated;
import io.clientportal.messaging.event.ParticipantAccessChanged;
import io.clientportal.messaging.event.ParticipantRemoved;
import io.clientportal.messaging.event.TeamMemberChanged;
import io.clientportal.messaging.event.TeamMemberRemoved;
import io.clientportal.messaging.model.Access;
import io.clientportal.messaging.model.AccountKind;
import io.clientportal.messaging.model.ClientAccount;
import io.clientportal.messaging.model.ClientUser;
import io.clientportal.messaging.model.Conversation;
import io.clientportal.messaging.model.ConversationId;
import io.clientportal.messaging.model.Participant;
import io.clientportal.messaging.model.TeamMember;
import io.clientportal.messaging.model.TeamRole;
import io.clientportal.messaging.spi.AttachmentRow;
import io.clientportal.messaging.spi.ClientUserRow;
import io.clientportal.messaging.spi.ConversationRow;
import io.clientportal.messaging.spi.DuplicateKeyException;
import io.clientportal.messaging.spi.StoreTransaction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The host's trusted synchronisation of team members, client accounts and client users. */
final class DirectoryService implements Directory {

    private final Context context;
    private final String tenantId;

    DirectoryService(Context context, String tenantId) {
        this.context = context;
        this.tenantId = tenantId;
    }

    @Override
    public TeamMember upsertTeamMember(String id, String displayName, TeamRole role) {
        TeamMember member = new TeamMember(Checks.id(id, "id"), Checks.name(displayName, "displayName"),
                Checks.notNull(role, "role"));
        return context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            Optional<TeamMember> existing = store.directory().teamMember(member.id()).map(Records::teamMember);
            if (existing.isPresent() && existing.get().equals(member)) {
                return member;
            }
            store.directory().saveTeamMember(Records.row(member));
            Instant now = context.now();
            tx.emit(new TeamMemberChanged(null, tenantId, null, now, member));
            if (role == TeamRole.WATCHER) {
                // A watcher can never hold WRITE: a demotion downgrades every participation at once.
                Participant asParticipant = new Participant(member.id(), member.displayName(), role,
                        Access.READ_ONLY);
                for (ConversationId changed : store.conversations().setAccessEverywhere(member.id(),
                        Access.READ_ONLY)) {
                    tx.emit(new ParticipantAccessChanged(null, tenantId, changed, now, asParticipant));
                }
            }
            return member;
        });
    }

    @Override
    public void removeTeamMember(String id) {
        Checks.id(id, "id");
        context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            if (store.directory().teamMember(id).isEmpty()) {
                return null;
            }
            Instant now = context.now();
            for (ConversationId left : store.conversations().deleteParticipations(id)) {
                tx.emit(new ParticipantRemoved(null, tenantId, left, now, id));
            }
            // Whom the directory removed handles nothing any more: their conversations are nobody's again.
            for (ConversationId unassigned : store.conversations().unassignEverywhere(id, now)) {
                tx.emit(new ConversationAssigned(null, tenantId, unassigned, now, null, null, null));
            }
            store.mentions().deleteOfMember(id);
            store.directory().deleteTeamMember(id);
            tx.emit(new TeamMemberRemoved(null, tenantId, null, now, id));
            return null;
        });
    }

    @Override
    public Conversation createClientAccount(String accountId, String name, AccountKind kind) {
        ClientAccount account = new ClientAccount(Checks.id(accountId, "accountId"), Checks.name(name, "name"),
                Checks.notNull(kind, "kind"));
        try {
            return context.transactions.write(tenantId, tx -> createOrUpdate(tx, account));
        } catch (DuplicateKeyException raced) {
            // Another caller created the same account at the same moment: creation is idempotent, so answer as
            // a repeated call would.
            return context.transactions.write(tenantId, tx -> createOrUpdate(tx, account));
        }
    }

    private Conversation createOrUpdate(Transaction tx, ClientAccount account) {
        StoreTransaction store = tx.store();
        Optional<ClientAccount> existing = store.directory().clientAccount(account.id())
                .map(Records::clientAccount);
        if (existing.isPresent()) {
            if (existing.get().kind() != account.kind()) {
                throw new ConflictException("client account " + account.id() + " exists as "
                        + existing.get().kind() + ", not " + account.kind());
            }
            Conversation conversation = store.conversations().ofAccount(account.id()).map(Records::conversation)
                    .orElseThrow(() -> new IllegalStateException("account without conversation: " + account.id()));
            if (!existing.get().name().equals(account.name())) {
                store.directory().saveClientAccount(Records.row(account));
                // The conversation shows its client's name: a rename shows there too.
                store.conversations().rename(conversation.id(), account.name());
                tx.emit(new ConversationUpdated(null, tenantId, conversation.id(), context.now(), account.id(),
                        account.name()));
                return new Conversation(conversation.id(), conversation.clientAccountId(), account.name(),
                        conversation.lastSeq(), conversation.createdAt(), conversation.lastMessageAt());
            }
            return conversation;
        }
        Instant now = context.now();
        store.directory().saveClientAccount(Records.row(account));
        ConversationRow row = new ConversationRow(new ConversationId(context.ids.next()), account.id(),
                account.name(), 0, now, null);
        store.conversations().insert(row);
        Conversation conversation = Records.conversation(row);
        tx.emit(new ConversationCreated(null, tenantId, conversation.id(), now, account.id(), account.name()));
        return conversation;
    }

    @Override
    public ClientUser addClientUser(String accountId, String userId, String displayName) {
        ClientUser wanted = new ClientUser(Checks.id(userId, "userId"), Checks.id(accountId, "accountId"),
                Checks.name(displayName, "displayName"));
        return context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            ClientAccount account = store.directory().clientAccount(accountId).map(Records::clientAccount)
                    .orElseThrow(() -> new NotFoundException("client account " + accountId + " not found"));
            Optional<ClientUser> existing = store.directory().clientUser(wanted.id()).map(Records::clientUser);
            if (existing.isPresent()) {
                if (!existing.get().accountId().equals(accountId)) {
                    throw new ConflictException("client user " + wanted.id() + " belongs to another account");
                }
                if (existing.get().equals(wanted)) {
                    return wanted;
                }
            } else if (account.kind() == AccountKind.INDIVIDUAL
                    && !store.directory().clientUsers(accountId).isEmpty()) {
                throw new ConflictException("individual account " + accountId + " already has its one user");
            }
            store.directory().saveClientUser(Records.row(wanted));
            tx.emit(new ClientUserChanged(null, tenantId, null, context.now(), wanted));
            return wanted;
        });
    }

    @Override
    public void removeClientUser(String userId) {
        Checks.id(userId, "userId");
        context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            Optional<ClientUserRow> user = store.directory().clientUser(userId);
            if (user.isPresent()) {
                store.directory().deleteClientUser(userId);
                tx.emit(new ClientUserRemoved(null, tenantId, null, context.now(), userId, user.get().accountId()));
            }
            return null;
        });
    }

    @Override
    public void deleteClientAccount(String accountId) {
        Checks.id(accountId, "accountId");
        context.transactions.write(tenantId, tx -> {
            StoreTransaction store = tx.store();
            if (store.directory().clientAccount(accountId).isEmpty()) {
                return null;
            }
            Instant now = context.now();
            List<ClientUserRow> users = store.directory().clientUsers(accountId);
            Optional<ConversationRow> conversation = store.conversations().ofAccount(accountId);
            if (conversation.isPresent()) {
                ConversationId id = conversation.get().id();
                List<String> teamIds = store.conversations().participants(id).stream()
                        .map(participant -> participant.member().id()).sorted().toList();
                // Its messages' own uploads go with it; an announcement's are shared and stay.
                List<AttachmentRow> orphaned = store.attachments().deleteOf(id);
                store.mentions().deleteOfConversation(id);
                store.conversations().delete(id);
                context.redaction.erase(store, id);
                tx.emit(new ConversationDeleted(null, tenantId, id, now, accountId, teamIds,
                        users.stream().map(ClientUserRow::id).toList()));
                tx.afterCommit(() -> context.attachmentBytes.deleteQuietly(orphaned));
            }
            for (ClientUserRow user : users) {
                store.directory().deleteClientUser(user.id());
                tx.emit(new ClientUserRemoved(null, tenantId, null, now, user.id(), accountId));
            }
            store.directory().deleteClientAccount(accountId);
            return null;
        });
    }

    @Override
    public Optional<TeamMember> teamMember(String id) {
        Checks.id(id, "id");
        // Through the access cache every authorisation reads members from: the REST API asks this for each request's
        // caller, which was a read transaction per request. A write here invalidates it at commit; another
        // instance's write once the relay has its event, as for authorisation itself.
        return context.cache.teamMember(tenantId, id, () -> context.transactions.read(tenantId,
                tx -> tx.store().directory().teamMember(id).map(Records::teamMember)));
    }

    @Override
    public Optional<ClientAccount> clientAccount(String accountId) {
        Checks.id(accountId, "accountId");
        return context.transactions.read(tenantId,
                tx -> tx.store().directory().clientAccount(accountId).map(Records::clientAccount));
    }

    @Override
    public Optional<ClientUser> clientUser(String userId) {
        Checks.id(userId, "userId");
        return context.transactions.read(tenantId,
                tx -> tx.store().directory().clientUser(userId).map(Records::clientUser));
    }
}
