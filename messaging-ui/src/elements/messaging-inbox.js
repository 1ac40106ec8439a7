/*
 * <messaging-inbox>: the conversations, newest activity first, a page at a time, with unread and mention badges,
 * the All/Unread/Mentions filter and, for the team, the assignment and status filters. Previews follow new,
 * edited and deleted messages live. Needs a context (inside messaging-chat, or element.context = ...).
 * Dispatches 'messaging-open' ({conversationId}) when a conversation is chosen, besides asking the chat.
 */
import { MessagingElement } from '../element.js';
import { avatar, el, shortTime } from '../dom.js';
import { key } from '../context.js';

const PAGE = 12;

export class MessagingInbox extends MessagingElement {
    build(ctx) {
        this.ctx = ctx;
        this.s = ctx.strings;
        this.page = { cursor: null, done: false, loading: false, unreadOnly: false, mentionsOnly: false };
        this.teamWork = { assignment: 'all', status: '' };
        this.classList.add('mu-inbox', 'inbox');
        this.setAttribute('aria-label', this.s.inbox);
        this.setAttribute('role', 'region');
        const s = this.s;
        const filter = (value, label, extra = {}) => el('button',
            { type: 'button', 'data-filter': value, 'aria-pressed': String(value === 'all'), ...extra }, label);
        this.unreadPill = el('span', { class: 'mu-count count-pill', id: 'unread-total', hidden: true });
        this.mentionPill = el('span',
            { class: 'mu-count count-pill count-pill-mention', id: 'mention-total', hidden: true });
        const mentions = filter('mentions', s.filterMentions, { id: 'filter-mentions', hidden: !ctx.isTeam });
        mentions.append(' ', this.mentionPill);
        this.filters = el('div', { class: 'mu-segmented segmented', role: 'group', 'aria-label': 'Filter' },
            filter('all', s.filterAll), filter('unread', s.filterUnread), mentions);
        this.list = el('ul', { class: 'mu-inbox-list inbox-list', id: 'inbox-list', 'aria-label': s.inbox });
        this.more = el('div', { class: 'mu-inbox-more inbox-more', id: 'inbox-more' }, s.loading);
        this.replaceChildren(...[
            el('div', { class: 'mu-inbox-head inbox-head' }, el('h2', {}, s.inbox, ' ', this.unreadPill), this.filters),
            ctx.isTeam ? this.#teamFilter() : null,
            this.list, this.more].filter(Boolean));
        for (const button of this.filters.querySelectorAll('button')) {
            button.addEventListener('click', () => {
                this.page.unreadOnly = button.dataset.filter === 'unread';
                this.page.mentionsOnly = button.dataset.filter === 'mentions';
                this.filters.querySelectorAll('button')
                    .forEach(b => b.setAttribute('aria-pressed', String(b === button)));
                this.reload();
            });
        }
        if (typeof IntersectionObserver !== 'undefined') {
            new IntersectionObserver(entries => {
                if (entries.some(entry => entry.isIntersecting)) this.loadMore();
            }, { root: this }).observe(this.more);
        }
        this.listen('feed', ({ type, data }) => this.#onEvent(type, data));
        this.listen('opened', () => this.render());
        this.listen('closed', () => this.render());
        this.listen('message-sent', ({ message }) => this.update(message));
        this.listen('message-edited', ({ message }) => this.#replaceLast(message.conversationId, message.id,
            () => message));
        this.listen('read', ({ conversationId }) => this.markedRead(conversationId));
        this.listen('team-state', ({ conversationId, team }) => {
            const summary = this.ctx.summaries.get(conversationId);
            if (summary) summary.conversation = { ...summary.conversation, team };
            if (this.teamWork.assignment !== 'all' || this.teamWork.status) this.refreshSoon(); else this.render();
        });
    }

    #teamFilter() {
        const s = this.s;
        const buttons = ['all', 'mine', 'unassigned'].map(value => el('button', {
            type: 'button', 'data-assignment': value, 'aria-pressed': String(value === 'all'),
        }, { all: s.assignmentAll, mine: s.assignmentMine, unassigned: s.assignmentUnassigned }[value]));
        const status = el('select',
            { id: 'status-filter', class: 'mu-select team-select', 'aria-label': 'Status filter' },
            el('option', { value: '' }, s.anyStatus),
            ...['OPEN', 'WAITING', 'DONE'].map(v => el('option', { value: v }, s.statusNames[v])));
        buttons.forEach(button => button.addEventListener('click', () => {
            this.teamWork.assignment = button.dataset.assignment;
            buttons.forEach(b => b.setAttribute('aria-pressed', String(b === button)));
            this.reload();
        }));
        status.addEventListener('change', () => {
            this.teamWork.status = status.value;
            this.reload();
        });
        return el('div', { class: 'mu-team-filter team-filter', id: 'team-filter' },
            el('div', { class: 'mu-segmented segmented', role: 'group', 'aria-label': 'Assignment' }, buttons), status);
    }

    get filtered() {
        return this.page.unreadOnly || this.page.mentionsOnly || this.teamWork.assignment !== 'all'
            || !!this.teamWork.status;
    }

    /** Loads the first page afresh. */
    async reload() {
        this.ctx.summaries.clear();
        this.page.cursor = null;
        this.page.done = false;
        this.page.generation = (this.page.generation || 0) + 1;
        this.page.loading = false;
        await this.loadMore();
    }

    async loadMore() {
        const page = this.page;
        if (page.loading || page.done) return;
        page.loading = true;
        const generation = page.generation;
        try {
            const answer = await this.ctx.client.inbox({
                limit: PAGE, cursor: page.cursor, unread: page.unreadOnly, mentions: page.mentionsOnly,
                ...this.#teamQuery(),
            });
            if (generation !== page.generation) return;
            answer.items.forEach(summary => this.ctx.summaries.set(summary.conversation.id, summary));
            page.cursor = answer.nextCursor;
            page.done = !answer.nextCursor;
        } catch (error) {
            if (generation === page.generation) {
                page.done = true;
                this.ctx.notify(this.ctx.errorText(error, 'load'), 'error');
            }
        } finally {
            if (generation === page.generation) page.loading = false;
        }
        this.render();
        // Keep loading while the list does not fill its column (the observer only fires on changes).
        if (!page.done && this.scrollHeight > 0 && this.scrollHeight <= this.clientHeight) await this.loadMore();
    }

    #teamQuery() {
        if (!this.ctx.isTeam) return {};
        return {
            assignee: this.teamWork.assignment === 'mine' ? 'me' : undefined,
            unassigned: this.teamWork.assignment === 'unassigned',
            status: this.teamWork.status || undefined,
        };
    }

    sorted() {
        const activity = s => s.conversation.lastMessageAt || s.conversation.createdAt || '';
        return [...this.ctx.summaries.values()].sort((a, b) => activity(b).localeCompare(activity(a)));
    }

    render() {
        if (!this.built) return;
        const rows = this.sorted().map(summary => this.#row(summary));
        this.list.replaceChildren(...rows);
        if (rows.length === 0 && this.page.done) {
            this.list.append(el('li', { class: 'mu-inbox-empty inbox-empty' },
                this.page.unreadOnly || this.page.mentionsOnly ? this.s.caughtUp : this.s.noConversations));
        }
        this.more.textContent = this.page.done ? '' : this.s.loading;
        const total = [...this.ctx.summaries.values()].reduce((sum, s) => sum + s.unreadCount, 0);
        this.unreadPill.hidden = total === 0;
        this.unreadPill.textContent = String(total);
        const mentions = this.ctx.me.mentionTotal || 0;
        this.mentionPill.hidden = mentions === 0;
        this.mentionPill.textContent = String(mentions);
        this.dispatchEvent(new CustomEvent('messaging-unread', { bubbles: true, detail: { unreadTotal: total } }));
    }

    #row(summary) {
        const { conversation, lastMessage, unreadCount } = summary;
        const s = this.s;
        const active = this.ctx.open?.id === conversation.id;
        // A list item holding a button: the list stays a list, and the button brings Enter, Space and focus.
        const button = el('button',
            { type: 'button', class: 'mu-inbox-button', 'aria-current': active ? 'true' : false },
            avatar(conversation.clientName),
            el('span', { class: 'mu-inbox-main inbox-main' },
                el('span', { class: 'mu-inbox-line inbox-line' },
                    el('span', { class: 'mu-inbox-name inbox-name' }, conversation.clientName),
                    this.#teamTag(conversation),
                    el('time', { datetime: conversation.lastMessageAt || '' }, shortTime(conversation.lastMessageAt))),
                el('span', { class: 'mu-inbox-line inbox-line' },
                    el('span', { class: 'mu-inbox-preview inbox-preview' },
                        lastMessage ? this.preview(lastMessage) : s.noMessagesYet),
                    summary.mentionCount ? el('span', { class: 'mu-badge badge badge-mention',
                        title: s.mentionCount(summary.mentionCount) }, `@${summary.mentionCount}`) : null,
                    unreadCount > 0 ? el('span', { class: 'mu-badge badge', title: s.unreadCount(unreadCount) },
                        String(unreadCount)) : null)));
        const row = el('li', {
            class: `mu-inbox-item inbox-item${unreadCount > 0 ? ' unread' : ''}${active ? ' active' : ''}`,
            'data-conversation-id': conversation.id, 'data-client-account-id': conversation.clientAccountId,
        }, button);
        row.addEventListener('click', () => {
            this.dispatchEvent(new CustomEvent('messaging-open',
                { bubbles: true, detail: { conversationId: conversation.id } }));
            this.ctx.requestOpen(conversation.id);
        });
        return row;
    }

    /** "You: text", "Alice Baker: text", "Message deleted", "Attachment: plan.pdf". */
    preview(message) {
        const s = this.s;
        if (message.deleted) return s.deleted;
        const who = this.ctx.isMine(message) ? s.you : message.authorName;
        const text = message.text || (message.attachments?.length ? s.attachment(message.attachments[0].filename) : '');
        return `${who}: ${text}`;
    }

    #teamTag(conversation) {
        const team = conversation.team;
        if (!team) return null;
        const s = this.s;
        const first = team.assigneeName ? team.assigneeName.split(' ')[0] : null;
        const status = s.statusNames[team.status] || '';
        return el('span', {
            class: 'mu-team-tag team-tag', 'data-status': team.status, 'data-assignee': team.assigneeId || '',
            title: team.assigneeName ? `${status}, assigned to ${team.assigneeName}` : `${status}, unassigned` },
        s.teamTag(status, first));
    }

    /** A new message (posted here or live): the preview, the order and the unread count follow. */
    update(message) {
        const summary = this.ctx.summaries.get(message.conversationId);
        if (!summary) {
            if (!this.page.unreadOnly || !this.ctx.isMine(message)) this.refreshSoon();
            return;
        }
        if (summary.lastMessage && summary.lastMessage.seq >= message.seq) return;
        summary.lastMessage = message;
        summary.conversation = { ...summary.conversation, lastSeq: message.seq, lastMessageAt: message.createdAt };
        const doc = this.ownerDocument;
        const reading = this.ctx.open?.id === message.conversationId && doc.visibilityState !== 'hidden';
        if (!this.ctx.isMine(message) && !reading) summary.unreadCount += 1;
        this.render();
    }

    /** An edit or a deletion of the message a preview shows: the preview follows. */
    #replaceLast(conversationId, messageId, change) {
        const summary = this.ctx.summaries.get(conversationId);
        if (!summary?.lastMessage || summary.lastMessage.id !== messageId) return;
        summary.lastMessage = change(summary.lastMessage);
        this.render();
    }

    refreshSoon() {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => this.reload(), 200);
    }

    markedRead(conversationId) {
        const summary = this.ctx.summaries.get(conversationId);
        if (summary && summary.unreadCount) {
            summary.unreadCount = 0;
            this.render();
        }
    }

    #onEvent(type, event) {
        const ctx = this.ctx;
        switch (type) {
            case 'MessagePosted':
                return this.update(event.message);
            case 'MessageEdited':
                return this.#replaceLast(event.conversationId || event.message.conversationId, event.message.id,
                    () => event.message);
            case 'MessageDeleted':
                return this.#replaceLast(event.conversationId, event.messageId,
                    last => ({ ...last, deleted: true, text: '', attachments: [] }));
            case 'ConversationRead': {
                if (key(event.reader) !== key(ctx.me.actor)) return undefined;
                const summary = ctx.summaries.get(event.conversationId);
                if (summary && event.seq >= summary.conversation.lastSeq) summary.unreadCount = 0;
                if (ctx.isTeam && summary?.mentionCount) return this.#mentionsRead(event, summary);
                return this.render();
            }
            case 'MentionReceived': {
                ctx.me.mentionTotal = (ctx.me.mentionTotal || 0) + 1;
                const summary = ctx.summaries.get(event.conversationId);
                if (summary) summary.mentionCount = (summary.mentionCount || 0) + 1; else this.refreshSoon();
                if (ctx.open?.id !== event.conversationId) ctx.notify(this.s.mentioned);
                return this.render();
            }
            case 'ParticipantAdded':
                if (event.participant.teamMemberId === ctx.me.actor.id && !ctx.summaries.has(event.conversationId)) {
                    ctx.notify(this.s.addedToConversation);
                    this.refreshSoon();
                }
                return undefined;
            case 'ParticipantAccessChanged':
                if (event.participant.teamMemberId === ctx.me.actor.id) {
                    const summary = ctx.summaries.get(event.conversationId);
                    if (summary) summary.access = event.participant.access;
                }
                return undefined;
            case 'ParticipantRemoved':
                if (event.teamMemberId === ctx.me.actor.id && !ctx.canManage) {
                    ctx.summaries.delete(event.conversationId);
                    return this.render();
                }
                return undefined;
            case 'ConversationAssigned':
            case 'ConversationStatusChanged':
                return this.#teamState(type, event);
            case 'ConversationCreated':
            case 'ConversationUpdated':
                return this.refreshSoon();
            case 'ConversationDeleted':
                ctx.summaries.delete(event.conversationId);
                return this.render();
            default:
                return undefined;
        }
    }

    #teamState(type, event) {
        const summary = this.ctx.summaries.get(event.conversationId);
        if (!summary?.conversation.team) return this.refreshSoon();
        const known = summary.conversation.team;
        const team = type === 'ConversationAssigned'
            ? { ...known, assigneeId: event.assigneeId, assigneeName: event.assigneeName, changedAt: event.at }
            : { ...known, status: event.status, changedAt: event.at };
        summary.conversation = { ...summary.conversation, team };
        // A filtered inbox may gain or lose the conversation: ask the server again.
        if (this.teamWork.assignment !== 'all' || this.teamWork.status) return this.refreshSoon();
        return this.render();
    }

    /** My horizon moved: the counts of mentions it passed are the server's to tell. */
    #mentionsRead(event, summary) {
        this.ctx.client.me().then(me => {
            this.ctx.me.mentionTotal = me.mentionTotal;
            if (this.page.mentionsOnly) return this.refreshSoon();
            if (event.seq >= summary.conversation.lastSeq) summary.mentionCount = 0; else this.refreshSoon();
            return this.render();
        }).catch(() => this.render());
    }
}
