/*
 * <messaging-conversation>: one conversation's header, its history (older pages as it scrolls up), live updates,
 * own messages' edit and delete, tombstones, "(edited)", read receipts, and the composer's messages while they are
 * sent ("Sending…", "Not sent · Retry" with the same clientMessageId). Needs a context; open(id) shows a
 * conversation (messaging-chat calls it when the URL or the inbox picks one).
 */
import { MessagingElement } from '../element.js';
import { ICONS, avatar, el, fileSize, fullTime, icon, shortTime } from '../dom.js';
import { MANAGING_ROLES, key } from '../context.js';
import { linkify } from '../linkify.js';

const PAGE = 30;
const DEFAULT_EDIT_WINDOW_SECONDS = 15 * 60;
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif'];

export class MessagingConversation extends MessagingElement {
    build(ctx) {
        this.ctx = ctx;
        this.s = ctx.strings;
        const s = this.s;
        this.classList.add('mu-conversation', 'conversation');
        this.setAttribute('role', 'region');
        this.setAttribute('aria-label', s.conversation);
        this.state = null;
        this.cache = new Map();     // render key -> {signature, node}
        this.back = el('button', { class: 'mu-btn mu-btn-ghost mu-back btn btn-ghost btn-back', id: 'conversation-back',
            type: 'button', 'aria-label': s.back }, icon(ICONS.back));
        this.titleNode = el('h2', { id: 'conversation-title' });
        this.subtitle = el('p', { class: 'mu-muted muted', id: 'conversation-subtitle' });
        this.avatarSlot = el('span', { class: 'mu-avatar-slot' });
        this.participantsButton = el('button', {
            type: 'button', class: 'mu-btn mu-btn-small mu-participants-open btn btn-small', id: 'participants-open',
            'aria-haspopup': 'dialog', hidden: !ctx.isTeam,
        }, icon(ICONS.people), s.participants);
        this.teamState = ctx.isTeam ? el('messaging-team-state', { id: 'team-state' }) : null;
        this.head = el('header',
            { class: 'mu-conversation-head conversation-head', id: 'conversation-head', hidden: true },
            this.back, this.avatarSlot,
            el('div', { class: 'mu-conversation-names' }, this.titleNode, this.subtitle),
            this.teamState, this.participantsButton);
        this.empty = el('div', { class: 'mu-empty empty-state', id: 'empty-state' },
            icon(ICONS.chat), el('p', {}, s.pickConversation));
        this.historyStatus = el('div', { class: 'mu-history-status history-status', id: 'history-status' });
        this.list = el('div', { class: 'mu-message-list message-list', id: 'message-list', role: 'log',
            'aria-live': 'polite', 'aria-label': 'Messages', 'aria-relevant': 'additions' });
        this.scroller = el('div', { class: 'mu-messages messages', id: 'messages', hidden: true, tabindex: '0',
            'aria-label': 'Message history' }, this.historyStatus, this.list);
        this.composer = el('messaging-composer', { hidden: true });
        this.replaceChildren(this.head, this.empty, this.scroller, this.composer);

        this.back.addEventListener('click', () => this.ctx.requestClose());
        this.participantsButton.addEventListener('click', () => ctx.emit('participants-drawer', { open: true }));
        this.scroller.addEventListener('scroll', () => { if (this.scroller.scrollTop < 80) this.loadOlder(); });
        this.addEventListener('messaging-send', event => this.send(event.detail));
        this.listen('feed', ({ type, data }) => this.#onEvent(type, data));
        this.listen('participants', () => this.renderReceipts());
        this.listen('access', () => this.render());
        this.visibility = () => { if (this.ownerDocument.visibilityState !== 'hidden') this.markRead(); };
        this.ownerDocument.addEventListener('visibilitychange', this.visibility);
        if (this.getAttribute('conversation-id')) this.open(this.getAttribute('conversation-id'));
    }

    disconnectedCallback() {
        this.ownerDocument.removeEventListener('visibilitychange', this.visibility);
        super.disconnectedCallback();
    }

    get conversationId() {
        return this.state?.id || null;
    }

    /** Shows a conversation: its header at once, then its latest page, receipts and (team) participants. */
    async open(id) {
        const ctx = this.ctx;
        const summary = ctx.summaries.get(id);
        const conversation = summary ? summary.conversation : await ctx.client.conversation(id);
        const state = {
            id, conversation, messages: new Map(), pending: new Map(), oldestSeq: null, newestSeq: 0,
            loadingOlder: false, readers: new Map(), readsWork: true, editing: null, confirmingDelete: null,
        };
        this.state = state;
        this.cache.clear();
        ctx.open = { id, conversation, access: summary ? summary.access : 'WRITE', participants: [] };
        this.dataset.conversationId = id;
        this.empty.hidden = true;
        this.head.hidden = false;
        this.scroller.hidden = false;
        this.composer.hidden = false;
        this.titleNode.textContent = conversation.clientName;
        this.avatarSlot.replaceChildren(avatar(conversation.clientName, 'avatar-lg mu-avatar-lg'));
        this.subtitle.textContent = this.#subtitle(conversation);
        this.list.replaceChildren();
        ctx.emit('opened', { open: ctx.open });
        const page = await ctx.client.history(id, { limit: PAGE });
        if (this.state !== state) return;
        this.addMessages(page.items);
        this.scrollToBottom();
        await this.#fillViewport();
        this.markRead();
        this.loadReads();
    }

    close() {
        this.state = null;
        this.ctx.open = null;
        delete this.dataset.conversationId;
        this.empty.hidden = false;
        this.head.hidden = true;
        this.scroller.hidden = true;
        this.composer.hidden = true;
        this.list.replaceChildren();
        this.ctx.emit('closed', {});
    }

    #subtitle(conversation) {
        const ctx = this.ctx;
        if (!ctx.isTeam) return ctx.teamName ? this.s.teamSubtitle(ctx.teamName) : '';
        const client = ctx.clients.find(c => c.id === conversation.clientAccountId);
        if (!client) return '';
        return client.kind === 'ORGANISATION' ? this.s.organisation((client.users || []).length) : this.s.individual;
    }

    /** After the feed lost its place: what came meanwhile. */
    async catchUp() {
        const state = this.state;
        if (!state) return;
        const page = await this.ctx.client.history(state.id, { after: state.newestSeq, limit: PAGE });
        if (this.state !== state) return;
        const follow = this.isNearBottom();
        this.addMessages(page.items);
        if (follow) this.scrollToBottom();
        if (page.items.length) this.markRead();
        this.loadReads();
    }

    addMessages(messages) {
        const state = this.state;
        if (!state) return;
        for (const message of messages) {
            state.messages.set(message.seq, message);
            this.ctx.names.set(key(message.author), message.authorName);
            if (message.clientMessageId && this.ctx.isMine(message)) state.pending.delete(message.clientMessageId);
            state.oldestSeq = state.oldestSeq === null ? message.seq : Math.min(state.oldestSeq, message.seq);
            state.newestSeq = Math.max(state.newestSeq, message.seq);
        }
        this.render();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Rendering

    render() {
        const state = this.state;
        if (!state) return;
        const ordered = [...state.messages.values()].sort((a, b) => a.seq - b.seq);
        const nodes = [];
        const used = new Set();
        let previous = null;
        for (const message of ordered) {
            if (!previous || dayOf(previous.createdAt) !== dayOf(message.createdAt)) {
                nodes.push(this.#cached(`d:${dayOf(message.createdAt)}`, used, '', () => el('div',
                    { class: 'mu-day day-divider' }, el('span', {}, new Date(message.createdAt)
                        .toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' })))));
            }
            const continued = !!previous && !message.highlighted && !previous.highlighted && !previous.deleted
                && key(previous.author) === key(message.author)
                && new Date(message.createdAt) - new Date(previous.createdAt) < 5 * 60 * 1000;
            nodes.push(this.#cached(`m:${message.id}`, used, signature(message, continued, this.#permissions(message),
                state), () => this.messageNode(message, continued)));
            previous = message;
        }
        for (const pending of state.pending.values()) {
            nodes.push(this.#cached(`p:${pending.clientMessageId}`, used, `${pending.state}|${pending.reason}`,
                () => this.pendingNode(pending)));
        }
        for (const cacheKey of [...this.cache.keys()]) if (!used.has(cacheKey)) this.cache.delete(cacheKey);
        // Only what changed moves: the log's live region then announces new messages, not the whole history.
        const current = [...this.list.childNodes];
        if (current.length !== nodes.length || current.some((node, i) => node !== nodes[i])) {
            this.list.replaceChildren(...nodes);
        }
        this.historyStatus.textContent = state.oldestSeq > 1 ? '' : this.s.beginning;
        this.renderReceipts();
    }

    #cached(cacheKey, used, sig, make) {
        used.add(cacheKey);
        const hit = this.cache.get(cacheKey);
        if (hit && hit.signature === sig) return hit.node;
        const node = make();
        this.cache.set(cacheKey, { signature: sig, node });
        return node;
    }

    /** What I may do with a message: edit (own, in the window), delete (own in the window; managers any). */
    #permissions(message) {
        const ctx = this.ctx;
        if (message.deleted || !this.state) return { edit: false, delete: false };
        const role = ctx.me.role;
        if (ctx.isTeam && role === 'WATCHER') return { edit: false, delete: false };
        const writes = !ctx.isTeam || ctx.open?.access === 'WRITE' || message.internal;
        const managing = ctx.isTeam && MANAGING_ROLES.includes(role);
        const windowSeconds = ctx.limits?.editWindowSeconds ?? DEFAULT_EDIT_WINDOW_SECONDS;
        const inWindow = managing || Date.now() - new Date(message.createdAt).getTime() < windowSeconds * 1000;
        const own = ctx.isMine(message) && writes && inWindow;
        return { edit: own && !message.announcementId, delete: own || managing };
    }

    messageNode(message, continued) {
        const ctx = this.ctx;
        const s = this.s;
        const mine = ctx.isMine(message);
        const fromTeam = message.author.kind === 'TEAM_MEMBER';
        const classes = ['mu-message', 'message', mine ? 'mine' : 'theirs', fromTeam ? 'from-team' : 'from-client'];
        if (continued) classes.push('continued');
        if (message.highlighted) classes.push('highlighted');
        if (message.internal) classes.push('internal-note');
        if (message.deleted) classes.push('deleted', 'mu-tombstone');
        const bubble = el('div', { class: 'mu-bubble bubble' });
        if (message.highlighted) {
            bubble.append(el('div', { class: 'mu-highlight-label highlight-label' }, icon(ICONS.megaphone),
                message.announcementId ? s.announcement : s.highlighted));
        }
        if (message.internal) bubble.append(el('div', { class: 'mu-note-label note-label' }, s.internalNote));
        const editing = this.state.editing === message.id;
        if (message.deleted) {
            bubble.append(el('p', { class: 'mu-text mu-deleted-text muted' }, s.deleted));
        } else if (editing) {
            bubble.append(this.#editor(message));
        } else {
            if (message.text) {
                const text = el('p', { class: 'mu-text text' });
                text.append(linkify(message.text, this.ownerDocument));
                bubble.append(text);
            }
            if (message.attachments?.length) bubble.append(this.attachmentList(message.attachments));
            if (message.editedAt) {
                bubble.append(el('span', { class: 'mu-edited', title: fullTime(message.editedAt) }, s.edited));
            }
        }
        const who = mine ? s.you : message.authorName;
        return el('article', {
            class: classes.join(' '), 'data-seq': message.seq, 'data-message-id': message.id,
            'aria-label': `${who}, ${fullTime(message.createdAt)}`,
        },
        mine || continued ? null : avatar(message.authorName, 'avatar-sm mu-avatar-sm'),
        el('div', { class: 'mu-message-body message-body' },
            continued ? null : el('div', { class: 'mu-message-meta message-meta' },
                el('span', { class: 'mu-author author' }, who),
                fromTeam && !ctx.isTeam && ctx.teamName ? el('span', { class: 'mu-tag tag' }, ctx.teamName) : null,
                el('time', { datetime: message.createdAt, title: fullTime(message.createdAt) },
                    shortTime(message.createdAt))),
            bubble,
            editing ? null : this.#actions(message),
            el('div', { class: 'mu-receipt receipt', hidden: true })));
    }

    #actions(message) {
        const may = this.#permissions(message);
        if (!may.edit && !may.delete) return null;
        const s = this.s;
        const bar = el('div', { class: 'mu-message-actions' });
        if (may.edit) {
            const edit = el('button', { type: 'button', class: 'mu-link-button', 'data-action': 'edit' }, s.edit);
            edit.addEventListener('click', () => this.startEdit(message.id));
            bar.append(edit);
        }
        if (may.delete) {
            const confirming = this.state.confirmingDelete === message.id;
            const remove = el('button', { type: 'button', 'data-action': 'delete',
                class: `mu-link-button mu-danger${confirming ? ' mu-confirm' : ''}` },
            confirming ? s.reallyDelete : s.delete);
            // Two steps, without a blocking confirm(): the first click asks, the second deletes.
            remove.addEventListener('click', () => {
                if (this.state.confirmingDelete === message.id) this.deleteMessage(message); else {
                    this.state.confirmingDelete = message.id;
                    this.render();
                    this.list.querySelector(`[data-message-id="${message.id}"] [data-action="delete"]`)?.focus();
                }
            });
            bar.append(remove);
        }
        return bar;
    }

    #editor(message) {
        const s = this.s;
        const box = el('textarea', { class: 'mu-edit-text', rows: '2', 'aria-label': s.editLabel,
            maxlength: this.ctx.limits?.maxTextLength || false });
        box.value = message.text;
        const error = el('p', { class: 'mu-alert mu-edit-error', role: 'alert', hidden: true });
        const save = el('button',
            { type: 'submit', class: 'mu-btn mu-btn-primary mu-btn-small btn btn-primary btn-small' }, s.save);
        const cancel = el('button', { type: 'button', class: 'mu-btn mu-btn-small btn btn-small' }, s.cancel);
        const form = el('form', { class: 'mu-edit' }, box, error,
            el('div', { class: 'mu-edit-actions' }, cancel, save));
        const submit = async () => {
            const text = box.value.trim();
            if (!text || text === message.text) return this.stopEdit();
            save.disabled = true;
            try {
                const edited = await this.ctx.client.editMessage(this.state.id, message.id, { text });
                this.state.editing = null;
                this.addMessages([edited]);
                this.ctx.emit('message-edited', { message: edited });
            } catch (failure) {
                save.disabled = false;
                error.hidden = false;
                error.textContent = this.ctx.errorText(failure, 'edit');
            }
            return undefined;
        };
        form.addEventListener('submit', event => { event.preventDefault(); submit(); });
        box.addEventListener('keydown', event => {
            if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                submit();
            } else if (event.key === 'Escape') {
                event.preventDefault();
                event.stopPropagation();
                this.stopEdit();
            }
        });
        cancel.addEventListener('click', () => this.stopEdit());
        return form;
    }

    startEdit(messageId) {
        this.state.editing = messageId;
        this.state.confirmingDelete = null;
        this.render();
        const box = this.list.querySelector(`[data-message-id="${messageId}"] .mu-edit-text`);
        if (box) {
            box.focus();
            box.setSelectionRange(box.value.length, box.value.length);
        }
    }

    stopEdit() {
        const id = this.state.editing;
        this.state.editing = null;
        this.render();
        this.list.querySelector(`[data-message-id="${id}"] [data-action="edit"]`)?.focus();
    }

    async deleteMessage(message) {
        const state = this.state;
        state.confirmingDelete = null;
        try {
            await this.ctx.client.deleteMessage(state.id, message.id);
            if (this.state !== state) return;
            this.#tombstone(message.seq);
        } catch (error) {
            this.render();
            this.composer.showError?.(this.ctx.errorText(error, 'delete'));
        }
    }

    #tombstone(seq) {
        const state = this.state;
        const known = state?.messages.get(seq);
        if (!known || known.deleted) return;
        state.messages.set(seq, { ...known, deleted: true, text: '', attachments: [], mentions: [] });
        this.render();
    }

    pendingNode(pending) {
        const s = this.s;
        const status = el('div', { class: 'mu-send-state', 'data-state': pending.state });
        if (pending.state === 'sending') {
            status.append(s.sending);
        } else {
            const retry = el('button',
                { type: 'button', class: 'mu-link-button mu-retry', 'data-action': 'retry' }, s.retry);
            const discard = el('button',
                { type: 'button', class: 'mu-link-button', 'data-action': 'discard' }, s.discard);
            retry.addEventListener('click', () => this.retry(pending.clientMessageId));
            discard.addEventListener('click', () => {
                this.state.pending.delete(pending.clientMessageId);
                this.render();
            });
            const why = { offline: s.notSentOffline, network: s.notSentNetwork }[pending.reason] || s.notSent;
            status.append(el('span', { class: 'mu-not-sent' }, why),
                ' · ', retry, ' · ', discard);
        }
        const text = el('p', { class: 'mu-text text' });
        text.append(linkify(pending.text, this.ownerDocument));
        return el('article', {
            class: ['mu-message message mine mu-pending', pending.state === 'failed' ? 'mu-failed' : '',
                pending.internal ? 'internal-note' : ''].filter(Boolean).join(' '),
            'data-client-message-id': pending.clientMessageId, 'data-send-state': pending.state,
        }, el('div', { class: 'mu-message-body message-body' },
            el('div', { class: 'mu-bubble bubble' }, pending.text ? text : null,
                pending.attachments.length ? this.attachmentList(pending.attachments) : null),
            status));
    }

    attachmentList(attachments) {
        const client = this.ctx.client;
        return el('ul', { class: 'mu-attachments attachments' }, attachments.map(attachment => {
            const url = client.attachmentUrl(attachment.id);
            const image = IMAGE_TYPES.includes(attachment.contentType);
            const chip = el('a', { class: 'mu-attachment attachment', href: url, download: attachment.filename,
                'data-attachment-id': attachment.id },
            el('span', { class: 'mu-file-icon file-icon', 'aria-hidden': 'true' }, extensionOf(attachment.filename)),
            el('span', { class: 'mu-file-text file-text' },
                el('span', { class: 'mu-file-name file-name' }, attachment.filename),
                el('span', { class: 'mu-muted muted small' }, fileSize(attachment.size))));
            if (image) {
                const thumb = el('img', { class: 'mu-thumb thumb', src: client.thumbnailUrl(attachment.id), alt: '',
                    loading: 'lazy', width: '56', height: '56' });
                // No thumbnail (an old server, a broken image): the file chip as for any other file.
                thumb.addEventListener('error', () => thumb.replaceWith(el('span',
                    { class: 'mu-file-icon file-icon', 'aria-hidden': 'true' }, extensionOf(attachment.filename))));
                chip.querySelector('.mu-file-icon').replaceWith(thumb);
            }
            return el('li', {}, chip);
        }));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Receipts: "Seen by ..." under the newest message each reader has read (not their own)

    async loadReads() {
        const state = this.state;
        if (!state || !state.readsWork) return;
        try {
            const answer = await this.ctx.client.reads(state.id);
            if (this.state !== state) return;
            state.readers = new Map();
            for (const item of answer.items || []) {
                if (item.reader.kind !== 'TEAM' && key(item.reader) === key(this.ctx.me.actor)) continue;
                state.readers.set(item.reader.kind === 'TEAM' ? 'TEAM' : key(item.reader),
                    { reader: item.reader, name: item.displayName, seq: item.seq });
            }
            this.renderReceipts();
        } catch (error) {
            // A server without the read-state read: receipts come from live events only.
            if (error && (error.status === 404 || error.status === 405)) state.readsWork = false;
        }
    }

    #readsSoon() {
        clearTimeout(this.readsTimer);
        this.readsTimer = setTimeout(() => this.loadReads(), 300);
    }

    renderReceipts() {
        const state = this.state;
        if (!state) return;
        this.list.querySelectorAll('.mu-receipt').forEach(node => { node.hidden = true; node.textContent = ''; });
        const ordered = [...state.messages.values()].sort((a, b) => b.seq - a.seq);
        const bySeq = new Map();
        for (const { reader, name: given, seq } of state.readers.values()) {
            // A name the page does not know yet (a live read before any message of theirs) waits: never an id.
            const name = given || this.ctx.names.get(key(reader));
            if (!name) continue;
            const own = message => (reader.kind === 'TEAM' ? message.author.kind === 'TEAM_MEMBER'
                : key(message.author) === key(reader));
            const newest = ordered.find(message => message.seq <= seq && !own(message));
            if (!newest) continue;
            bySeq.set(newest.seq, [...(bySeq.get(newest.seq) || []), name]);
        }
        for (const [seq, names] of bySeq) {
            const node = this.list.querySelector(`[data-seq="${seq}"] .mu-receipt`);
            if (node) {
                node.textContent = this.s.seenBy(names);
                node.hidden = false;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sending: the composer hands over a draft; it shows at once and is posted with its one clientMessageId

    /** draft: {clientMessageId, text, attachments: [Attachment], mentions, internal} */
    async send(draft) {
        const state = this.state;
        if (!state) return;
        const pending = { ...draft, state: 'sending', reason: null, error: null };
        state.pending.set(draft.clientMessageId, pending);
        this.render();
        this.scrollToBottom();
        await this.#post(pending);
    }

    async retry(clientMessageId) {
        const pending = this.state?.pending.get(clientMessageId);
        if (!pending || pending.state === 'sending') return;
        pending.state = 'sending';
        pending.reason = null;
        this.render();
        await this.#post(pending);
    }

    async #post(pending) {
        const state = this.state;
        const ctx = this.ctx;
        if (!ctx.online) {
            pending.state = 'failed';
            pending.reason = 'offline';
            this.render();
            return;
        }
        try {
            const message = await ctx.client.post(state.id, {
                text: pending.text, attachmentIds: pending.attachments.map(a => a.id),
                clientMessageId: pending.clientMessageId, mentions: pending.mentions, internal: pending.internal,
            });
            if (this.state !== state) return;
            state.pending.delete(pending.clientMessageId);
            this.addMessages([message]);
            this.scrollToBottom();
            ctx.emit('message-sent', { message });
        } catch (error) {
            if (this.state !== state || !state.pending.has(pending.clientMessageId)) return;
            pending.state = 'failed';
            // No answer at all: offline if the browser says so, else the server could not be reached.
            const network = !(error && typeof error.status === 'number');
            pending.reason = network ? (ctx.online ? 'network' : 'offline') : 'error';
            pending.error = network ? null : ctx.errorText(error, 'send');
            this.render();
            if (pending.error) this.composer.showError?.(pending.error);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Scrolling and reading

    async #fillViewport() {
        while (this.state && this.state.oldestSeq > 1 && this.scroller.scrollHeight > 0
            && this.scroller.scrollHeight <= this.scroller.clientHeight) {
            const before = this.state.oldestSeq;
            await this.loadOlder();
            if (this.state?.oldestSeq === before) break;
        }
    }

    async loadOlder() {
        const state = this.state;
        if (!state || state.loadingOlder || !(state.oldestSeq > 1)) return;
        state.loadingOlder = true;
        this.historyStatus.textContent = this.s.loadingEarlier;
        try {
            const page = await this.ctx.client.history(state.id, { before: state.oldestSeq, limit: PAGE });
            if (this.state !== state) return;
            const fromBottom = this.scroller.scrollHeight - this.scroller.scrollTop;
            this.addMessages(page.items);
            this.scroller.scrollTop = this.scroller.scrollHeight - fromBottom;   // keep what the reader looked at
        } finally {
            state.loadingOlder = false;
        }
    }

    isNearBottom() {
        const box = this.scroller;
        return box.scrollHeight - box.scrollTop - box.clientHeight < 120;
    }

    scrollToBottom() {
        this.scroller.scrollTop = this.scroller.scrollHeight;
    }

    /** Marks the open conversation read up to its newest message, when the reader can see it. */
    markRead() {
        clearTimeout(this.markReadTimer);
        this.markReadTimer = setTimeout(async () => {
            const state = this.state;
            if (!state || this.ownerDocument.visibilityState === 'hidden' || state.newestSeq === 0) return;
            this.ctx.emit('read', { conversationId: state.id, seq: state.newestSeq });
            await this.ctx.client.markRead(state.id, state.newestSeq).catch(() => {});
        }, 150);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Live events

    #onEvent(type, event) {
        const state = this.state;
        if (!state) return;
        const conversationId = event.conversationId || event.message?.conversationId;
        if (conversationId !== state.id) return;
        switch (type) {
            case 'MessagePosted': {
                const message = event.message;
                const known = state.messages.has(message.seq);
                if (!known && message.seq > state.newestSeq + 1) {
                    // A gap: fetch what lies between (a resumed feed has none, but it costs nothing to cover).
                    this.ctx.client.history(state.id, { after: state.newestSeq, limit: PAGE })
                        .then(page => { if (this.state === state) this.addMessages(page.items); }).catch(() => {});
                }
                const follow = this.isNearBottom() || this.ctx.isMine(message);
                this.addMessages([message]);
                if (follow) this.scrollToBottom();
                if (!this.ctx.isMine(message)) {
                    this.markRead();
                    this.ctx.emit('announce', { text: `${this.s.messagesFrom(message.authorName)}` });
                }
                return;
            }
            case 'MessageEdited':
                if (state.messages.has(event.message.seq)) this.addMessages([event.message]);
                return;
            case 'MessageDeleted':
                this.#tombstone(event.seq);
                return;
            case 'ConversationRead':
                this.#read(event);
                return;
            default:
        }
    }

    #read(event) {
        const state = this.state;
        if (key(event.reader) === key(this.ctx.me.actor)) return;
        // The team sees names at once; a client is told what the server lets it see (the team as one reader).
        if (this.ctx.isTeam || !state.readsWork) {
            const readerKey = key(event.reader);
            const before = state.readers.get(readerKey);
            state.readers.set(readerKey,
                { reader: event.reader, name: before?.name || null, seq: Math.max(event.seq, before?.seq || 0) });
            this.renderReceipts();
        }
        if (state.readsWork) this.#readsSoon();
    }
}

function dayOf(iso) {
    return new Date(iso).toDateString();
}

function signature(message, continued, may, state) {
    return [message.editedAt, message.deleted, message.text, continued, may.edit, may.delete,
        state.editing === message.id, state.confirmingDelete === message.id].join('|');
}

function extensionOf(filename) {
    const dot = filename.lastIndexOf('.');
    return dot > 0 ? filename.substring(dot + 1, dot + 5).toUpperCase() : 'FILE';
}
