/*
 * The portal page: the team's inbox, conversations and participants, and the client's one conversation, all over
 * the messaging REST + SSE API (messaging-client.js), plus two endpoints of the host (/demo/team, /demo/clients).
 */
import { ApiError, MessagingClient, csrfHeaders } from './messaging-client.js';
import { avatar, el, fileSize, fullTime, shortTime } from './dom.js';
import { wireSavedReplies } from './saved-replies.js';

const $ = id => document.getElementById(id);
const api = new MessagingClient({ onUnauthenticated: () => window.location.assign('/login') });

const INBOX_PAGE = 12;
const HISTORY_PAGE = 30;
const MANAGING_ROLES = ['OWNER', 'ADMIN', 'MANAGER'];
const ROLE_NAMES = { OWNER: 'Owner', ADMIN: 'Admin', MANAGER: 'Manager', AGENT: 'Agent', WATCHER: 'Watcher' };

const state = {
    me: null,            // GET /me
    isTeam: false,
    canManage: false,    // owners, admins and managers: participants and announcements
    team: [],            // the host's team directory
    clients: [],         // the host's client accounts
    names: new Map(),    // "KIND:id" -> display name, for read receipts
    inbox: { summaries: new Map(), cursor: null, done: false, loading: false, unreadOnly: false, mentionsOnly: false },
    open: null,          // the open conversation, see openConversation()
};

// ---------------------------------------------------------------------------------------------------------------
// Start

async function start() {
    state.me = await api.me();
    state.isTeam = state.me.actor.kind === 'TEAM_MEMBER';
    state.canManage = state.isTeam && MANAGING_ROLES.includes(state.me.role);
    document.body.classList.toggle('is-team', state.isTeam);
    document.body.classList.toggle('is-client', !state.isTeam);
    document.body.dataset.streamConnects = '0';
    renderUser();
    if (state.isTeam) {
        [state.team, state.clients] = await Promise.all([host('/demo/team'), host('/demo/clients')]);
        state.team.forEach(member => state.names.set(`TEAM_MEMBER:${member.id}`, member.displayName));
    }
    $('announce-open').hidden = !state.canManage;
    wireInbox();
    if (state.isTeam) wireTeamWork();
    wireComposer();
    wireSavedReplies({ api, state, toast, showError });
    wireMentions();
    wireNoteSwitch();
    wireDialogs();
    $('logout').addEventListener('click', logout);

    const feed = api.events({ onEvent, onReset: reloadEverything, onGap: reloadEverything, onStatus: showConnection });
    await loadInbox({ reset: true });
    if (!state.isTeam) {
        // A client has exactly one conversation: open it, nothing else to choose.
        const mine = [...state.inbox.summaries.values()][0];
        if (mine) await openConversation(mine.conversation.id);
    }
    feed.start();
    document.body.classList.remove('is-loading');
}

async function host(path) {
    const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return response.json();
}

function renderUser() {
    $('user-name').textContent = state.me.displayName;
    $('user-role').textContent = state.isTeam ? ROLE_NAMES[state.me.role] : 'Client';
    $('user-avatar').replaceWith(Object.assign(avatar(state.me.displayName), { id: 'user-avatar' }));
    state.names.set(key(state.me.actor), state.me.displayName);
}

async function logout() {
    await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: csrfHeaders() });
    window.location.assign('/login');
}

function showConnection(status, connects) {
    const badge = $('connection');
    badge.dataset.state = status;
    badge.textContent = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…' }[status];
    document.body.dataset.streamConnects = String(connects);
}

/**
 * When the feed cannot resume (a StreamReset: away longer than the event log keeps; or the stream dropped before its
 * first event): load what the page shows afresh, without reloading the page.
 */
async function reloadEverything() {
    const open = state.open;
    await loadInbox({ reset: true });
    if (open && state.open === open) {
        const page = await api.history(open.id, { after: open.newestSeq, limit: HISTORY_PAGE });
        const follow = isNearBottom();
        addMessages(page.items);
        if (follow) scrollToBottom();
        if (page.items.length) markRead();
        if (state.isTeam) await loadParticipants();
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Inbox

function wireInbox() {
    for (const button of document.querySelectorAll('.segmented button[data-filter]')) {
        button.addEventListener('click', () => {
            state.inbox.unreadOnly = button.dataset.filter === 'unread';
            state.inbox.mentionsOnly = button.dataset.filter === 'mentions';
            document.querySelectorAll('.segmented button[data-filter]')
                .forEach(b => b.setAttribute('aria-pressed', String(b === button)));
            loadInbox({ reset: true });
        });
    }
    // More conversations as the list scrolls to its end.
    new IntersectionObserver(entries => {
        if (entries.some(entry => entry.isIntersecting)) loadInbox();
    }, { root: $('inbox-list').parentElement }).observe($('inbox-more'));
}

async function loadInbox({ reset = false } = {}) {
    const inbox = state.inbox;
    if (reset) {
        inbox.summaries = new Map();
        inbox.cursor = null;
        inbox.done = false;
    } else if (inbox.loading || inbox.done) {
        return;
    }
    inbox.loading = true;
    try {
        const page = await api.inbox({
            limit: INBOX_PAGE, cursor: inbox.cursor, unread: inbox.unreadOnly, mentions: inbox.mentionsOnly,
            ...teamFilterQuery(),
        });
        page.items.forEach(summary => inbox.summaries.set(summary.conversation.id, summary));
        inbox.cursor = page.nextCursor;
        inbox.done = !page.nextCursor;
    } finally {
        inbox.loading = false;
    }
    renderInbox();
    // Keep loading while the list does not fill its column (the observer only fires on changes).
    const list = $('inbox-list').parentElement;
    if (!inbox.done && list.scrollHeight <= list.clientHeight) loadInbox();
}

function sortedSummaries() {
    const activity = s => s.conversation.lastMessageAt || s.conversation.createdAt;
    return [...state.inbox.summaries.values()].sort((a, b) => activity(b).localeCompare(activity(a)));
}

function renderInbox() {
    const list = $('inbox-list');
    const rows = sortedSummaries().map(summary => inboxRow(summary));
    list.replaceChildren(...rows);
    if (rows.length === 0 && state.inbox.done) {
        list.append(el('li', { class: 'inbox-empty' },
            state.inbox.unreadOnly || state.inbox.mentionsOnly ? 'You are all caught up.' : 'No conversations yet.'));
    }
    $('inbox-more').textContent = state.inbox.done ? '' : 'Loading…';
    const total = [...state.inbox.summaries.values()].reduce((sum, s) => sum + s.unreadCount, 0);
    const pill = $('unread-total');
    pill.hidden = total === 0;
    pill.textContent = String(total);
    document.title = `${total > 0 ? `(${total}) ` : ''}Messages · Northwind Studio`;
    renderMentionTotal();
}

function inboxRow(summary) {
    const { conversation, lastMessage, unreadCount } = summary;
    const preview = lastMessage ? previewOf(lastMessage) : 'No messages yet';
    const row = el('li', {
        class: `inbox-item${unreadCount > 0 ? ' unread' : ''}${state.open?.id === conversation.id ? ' active' : ''}`,
        'data-conversation-id': conversation.id, 'data-client-account-id': conversation.clientAccountId,
        tabindex: 0, role: 'button',
    },
    avatar(conversation.clientName),
    el('div', { class: 'inbox-main' },
        el('div', { class: 'inbox-line' },
            el('span', { class: 'inbox-name' }, conversation.clientName),
            teamTag(conversation),
            el('time', { datetime: conversation.lastMessageAt || '' }, shortTime(conversation.lastMessageAt))),
        el('div', { class: 'inbox-line' },
            el('span', { class: 'inbox-preview' }, preview),
            mentionBadge(summary),
            unreadCount > 0 ? el('span', { class: 'badge', title: `${unreadCount} unread` }, String(unreadCount)) : null)));
    row.addEventListener('click', () => openConversation(conversation.id));
    row.addEventListener('keydown', event => { if (event.key === 'Enter') openConversation(conversation.id); });
    return row;
}

function previewOf(message) {
    if (message.deleted) return 'Message deleted';
    const who = isMine(message) ? 'You' : message.authorName;
    const text = message.text || (message.attachments.length ? `Attachment: ${message.attachments[0].filename}` : '');
    return `${who}: ${text}`;
}

// ---------------------------------------------------------------------------------------------------------------
// A conversation

async function openConversation(id) {
    const summary = state.inbox.summaries.get(id);
    const conversation = summary ? summary.conversation : await api.conversation(id);
    state.open = {
        id, conversation,
        access: summary ? summary.access : 'WRITE',
        messages: new Map(),          // seq -> message
        oldestSeq: null, newestSeq: 0,
        loadingOlder: false,
        participants: [],
        readers: new Map(),           // "KIND:id" -> seq they have read up to (from live ConversationRead events)
    };
    $('empty-state').hidden = true;
    $('conversation-head').hidden = false;
    $('messages').hidden = false;
    $('composer').hidden = false;
    $('conversation-title').textContent = conversation.clientName;
    $('conversation-avatar').replaceWith(Object.assign(avatar(conversation.clientName, 'avatar-lg'),
        { id: 'conversation-avatar' }));
    $('conversation-subtitle').textContent = subtitleOf(conversation);
    $('message-list').replaceChildren();
    $('conversation').dataset.conversationId = id;
    renderComposerAccess();
    renderTeamState();
    renderInbox();

    const page = await api.history(id, { limit: HISTORY_PAGE });
    if (state.open?.id !== id) return;
    addMessages(page.items);
    scrollToBottom();
    await fillViewport();
    markRead();
    if (state.isTeam) {
        $('sidebar').hidden = false;
        await loadParticipants();
    }
}

function subtitleOf(conversation) {
    if (!state.isTeam) return 'Messages with the Northwind Studio team';
    const client = state.clients.find(c => c.id === conversation.clientAccountId);
    if (!client) return '';
    return client.kind === 'ORGANISATION' ? `Organisation · ${client.users.length} client user(s)` : 'Individual client';
}

function closeConversation(reason) {
    state.open = null;
    $('empty-state').hidden = false;
    $('conversation-head').hidden = true;
    $('messages').hidden = true;
    $('composer').hidden = true;
    $('sidebar').hidden = true;
    delete $('conversation').dataset.conversationId;
    if (reason) toast(reason);
    renderInbox();
}

function addMessages(messages) {
    const open = state.open;
    for (const message of messages) {
        open.messages.set(message.seq, message);
        state.names.set(key(message.author), message.authorName);
        open.oldestSeq = open.oldestSeq === null ? message.seq : Math.min(open.oldestSeq, message.seq);
        open.newestSeq = Math.max(open.newestSeq, message.seq);
    }
    renderMessages();
}

function renderMessages() {
    const open = state.open;
    const ordered = [...open.messages.values()].sort((a, b) => a.seq - b.seq);
    const nodes = [];
    let previous = null;
    for (const message of ordered) {
        if (!previous || new Date(previous.createdAt).toDateString() !== new Date(message.createdAt).toDateString()) {
            nodes.push(el('div', { class: 'day-divider' }, el('span', {},
                new Date(message.createdAt).toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' }))));
        }
        const continued = previous && !message.highlighted && !previous.highlighted
            && key(previous.author) === key(message.author)
            && new Date(message.createdAt) - new Date(previous.createdAt) < 5 * 60 * 1000;
        nodes.push(messageNode(message, continued));
        previous = message;
    }
    $('message-list').replaceChildren(...nodes);
    $('history-status').textContent = open.oldestSeq > 1 ? '' : 'This is the beginning of the conversation.';
    renderReceipts();
}

function messageNode(message, continued) {
    const mine = isMine(message);
    const fromTeam = message.author.kind === 'TEAM_MEMBER';
    const classes = ['message', mine ? 'mine' : 'theirs', fromTeam ? 'from-team' : 'from-client'];
    if (continued) classes.push('continued');
    if (message.highlighted) classes.push('highlighted');
    if (message.internal) classes.push('internal-note');
    if (message.deleted) classes.push('deleted');
    const bubble = el('div', { class: 'bubble' });
    if (message.highlighted) {
        bubble.append(el('div', { class: 'highlight-label' }, megaphone(),
            message.announcementId ? 'Announcement' : 'Highlighted'));
    }
    if (message.internal) bubble.append(noteLabel());
    if (message.deleted) {
        bubble.append(el('p', { class: 'text muted' }, 'This message was deleted.'));
    } else {
        if (message.text) bubble.append(el('p', { class: 'text' }, message.text));
        if (message.attachments.length) bubble.append(attachmentList(message.attachments));
    }
    return el('article', {
        class: classes.join(' '), 'data-seq': message.seq, 'data-message-id': message.id,
    },
    mine || continued ? null : avatar(message.authorName, 'avatar-sm'),
    el('div', { class: 'message-body' },
        continued ? null : el('div', { class: 'message-meta' },
            el('span', { class: 'author' }, mine ? 'You' : message.authorName),
            fromTeam && !state.isTeam ? el('span', { class: 'tag' }, 'Northwind Studio') : null,
            el('time', { datetime: message.createdAt, title: fullTime(message.createdAt) }, shortTime(message.createdAt)),
            message.editedAt ? el('span', { class: 'muted' }, '(edited)') : null),
        bubble,
        el('div', { class: 'receipt', hidden: true })));
}

function megaphone() {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('class', 'icon');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', 'M3 10v4a1 1 0 0 0 1 1h2l4 4V5L6 9H4a1 1 0 0 0-1 1zm13.5 2A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z');
    svg.append(path);
    return svg;
}

function attachmentList(attachments) {
    return el('ul', { class: 'attachments' }, attachments.map(attachment => {
        const url = api.attachmentUrl(attachment.id);
        const isImage = attachment.contentType.startsWith('image/');
        return el('li', {},
            el('a', { class: 'attachment', href: url, download: attachment.filename, 'data-attachment-id': attachment.id },
                isImage ? el('img', { class: 'thumb', src: url, alt: '', loading: 'lazy' })
                    : el('span', { class: 'file-icon', 'aria-hidden': 'true' }, extensionOf(attachment.filename)),
                el('span', { class: 'file-text' },
                    el('span', { class: 'file-name' }, attachment.filename),
                    el('span', { class: 'muted small' }, fileSize(attachment.size)))));
    }));
}

function extensionOf(filename) {
    const dot = filename.lastIndexOf('.');
    return dot > 0 ? filename.substring(dot + 1, dot + 5).toUpperCase() : 'FILE';
}

/** "Seen by …" under the newest of my messages each reader has read. */
function renderReceipts() {
    const open = state.open;
    if (!open) return;
    document.querySelectorAll('#message-list .receipt').forEach(node => { node.hidden = true; node.textContent = ''; });
    const readersBySeq = new Map();
    for (const [reader, seq] of open.readers) {
        const mine = [...open.messages.values()].filter(m => isMine(m) && m.seq <= seq).map(m => m.seq);
        if (mine.length === 0) continue;
        const at = Math.max(...mine);
        readersBySeq.set(at, [...(readersBySeq.get(at) || []), state.names.get(reader) || reader.split(':')[1]]);
    }
    for (const [seq, names] of readersBySeq) {
        const node = document.querySelector(`#message-list [data-seq="${seq}"] .receipt`);
        if (node) {
            node.textContent = `Seen by ${names.join(', ')}`;
            node.hidden = false;
        }
    }
}

async function fillViewport() {
    const box = $('messages');
    while (state.open && state.open.oldestSeq > 1 && box.scrollHeight <= box.clientHeight) {
        await loadOlder();
    }
}

async function loadOlder() {
    const open = state.open;
    if (!open || open.loadingOlder || !(open.oldestSeq > 1)) return;
    open.loadingOlder = true;
    $('history-status').textContent = 'Loading earlier messages…';
    const box = $('messages');
    try {
        const page = await api.history(open.id, { before: open.oldestSeq, limit: HISTORY_PAGE });
        if (state.open !== open) return;
        const fromBottom = box.scrollHeight - box.scrollTop;
        addMessages(page.items);
        box.scrollTop = box.scrollHeight - fromBottom;    // keep what the reader was looking at in place
    } finally {
        open.loadingOlder = false;
    }
}

function isNearBottom() {
    const box = $('messages');
    return box.scrollHeight - box.scrollTop - box.clientHeight < 120;
}

function scrollToBottom() {
    const box = $('messages');
    box.scrollTop = box.scrollHeight;
}

let markReadTimer = null;

/** Marks the open conversation read up to its newest message, when the reader can see it. */
function markRead() {
    clearTimeout(markReadTimer);
    markReadTimer = setTimeout(async () => {
        const open = state.open;
        if (!open || document.visibilityState !== 'visible' || open.newestSeq === 0) return;
        const summary = state.inbox.summaries.get(open.id);
        if (summary) {
            summary.unreadCount = 0;
            renderInbox();
        }
        await api.markRead(open.id, open.newestSeq).catch(showError);
    }, 150);
}

document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') markRead(); });

// ---------------------------------------------------------------------------------------------------------------
// Composer

const pending = { composer: [], announce: [] };

function wireComposer() {
    const text = $('composer-text');
    $('composer').addEventListener('submit', event => { event.preventDefault(); send(); });
    text.addEventListener('keydown', event => {
        if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            send();
        }
    });
    text.addEventListener('input', () => autosize(text));
    $('composer-files').addEventListener('change', event => {
        upload([...event.target.files], 'composer');
        event.target.value = '';
    });
    $('messages').addEventListener('scroll', () => { if ($('messages').scrollTop < 80) loadOlder(); });
}

function autosize(textarea) {
    textarea.style.height = 'auto';
    textarea.style.height = `${Math.min(textarea.scrollHeight, 180)}px`;
}

function renderComposerAccess() {
    const open = state.open;
    let reason = null;
    if (state.isTeam && state.me.role === 'WATCHER') {
        reason = 'You are a watcher: you can read this conversation but not write in it.';
    } else if (open.access === 'READ_ONLY') {
        reason = 'You have read-only access to this conversation. A manager can give you write access.';
    }
    $('composer-locked').hidden = !reason;
    $('composer-locked-reason').textContent = reason || '';
    $('composer').classList.toggle('locked', !!reason);
    for (const control of [$('composer-text'), $('composer-send'), $('composer-files')]) {
        control.disabled = !!reason;
    }
    $('attach-label').classList.toggle('disabled', !!reason);
    $('composer-text').placeholder = reason ? 'Read only' : 'Write a message…';
    renderNoteSwitch();
}

async function upload(files, tray) {
    for (const file of files) {
        const item = { file, attachment: null, failed: false };
        pending[tray].push(item);
        renderTray(tray);
        try {
            item.attachment = await api.upload(file);
        } catch (error) {
            item.failed = true;
            showError(error);
        }
        renderTray(tray);
    }
}

function renderTray(tray) {
    const container = $(tray === 'composer' ? 'composer-attachments' : 'announce-attachments');
    container.replaceChildren(...pending[tray].map(item => {
        const chip = el('span', { class: `chip${item.failed ? ' failed' : ''}${item.attachment ? ' ready' : ''}` },
            el('span', { class: 'chip-name' }, item.attachment ? item.attachment.filename : item.file.name),
            el('span', { class: 'muted small' },
                item.failed ? 'failed' : item.attachment ? fileSize(item.attachment.size) : 'uploading…'));
        const remove = el('button', { type: 'button', class: 'chip-remove', 'aria-label': 'Remove attachment' }, '×');
        remove.addEventListener('click', () => {
            pending[tray] = pending[tray].filter(other => other !== item);
            renderTray(tray);
        });
        chip.append(remove);
        return chip;
    }));
}

function readyAttachments(tray) {
    if (pending[tray].some(item => !item.attachment && !item.failed)) {
        toast('Please wait until the attachments are uploaded.');
        return null;
    }
    return pending[tray].filter(item => item.attachment).map(item => item.attachment.id);
}

async function send() {
    const open = state.open;
    const textarea = $('composer-text');
    const text = textarea.value.trim();
    const attachmentIds = readyAttachments('composer');
    if (!open || attachmentIds === null || (!text && attachmentIds.length === 0)) return;
    const button = $('composer-send');
    button.disabled = true;
    try {
        const message = await api.post(open.id,
            { text, attachmentIds, mentions: mentionsIn(text), internal: noteMode() });
        textarea.value = '';
        forgetMentions();
        autosize(textarea);
        pending.composer = [];
        renderTray('composer');
        if (state.open === open) {
            addMessages([message]);
            scrollToBottom();
        }
        updateSummary(message);
    } catch (error) {
        showError(error);
    } finally {
        button.disabled = $('composer-text').disabled;
        textarea.focus();
    }
}

// ---------------------------------------------------------------------------------------------------------------
// @mentions (team only): typing "@" in the composer lists the team members who can see the conversation (owners,
// admins and managers, and its participants); choosing one writes "@Name" and records their id, which is sent with
// the message while the text still shows the name. The inbox shows each conversation's unread mentions and filters
// by them.

const mentioning = { chosen: new Map(), query: null, start: 0, options: [], active: 0 };

function wireMentions() {
    $('filter-mentions').hidden = !state.isTeam;
    // On a phone the team sees the inbox or a conversation: this goes back to the inbox.
    $('conversation-back').addEventListener('click', () => closeConversation());
    if (!state.isTeam) return;
    const text = $('composer-text');
    text.addEventListener('input', suggestMentions);
    text.addEventListener('keydown', event => {
        if ($('mention-suggestions').hidden) return;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            mentioning.active = (mentioning.active + step + mentioning.options.length) % mentioning.options.length;
            renderMentionSuggestions();
        } else if (event.key === 'Enter' || event.key === 'Tab') {
            // Chooses the suggestion instead of sending.
            event.preventDefault();
            event.stopImmediatePropagation();
            chooseMention(mentioning.options[mentioning.active]);
        } else if (event.key === 'Escape') {
            closeMentionSuggestions();
        }
    }, { capture: true });
    text.addEventListener('blur', () => setTimeout(closeMentionSuggestions, 150));
}

/** The team members who can see the open conversation: those whose mention the server accepts. */
function mentionCandidates() {
    const open = state.open;
    if (!open) return [];
    const byId = new Map();
    state.team.filter(member => MANAGING_ROLES.includes(member.role))
        .forEach(member => byId.set(member.id, member.displayName));
    (open.participants || []).forEach(p => byId.set(p.teamMemberId, p.displayName));
    byId.delete(state.me.actor.id);
    return [...byId].map(([id, displayName]) => ({ id, displayName }))
        .sort((a, b) => a.displayName.localeCompare(b.displayName));
}

function suggestMentions() {
    const text = $('composer-text');
    const before = text.value.slice(0, text.selectionStart);
    const match = /(^|\s)@([^\s@]{0,30})$/.exec(before);
    if (!match) return closeMentionSuggestions();
    mentioning.query = match[2].toLowerCase();
    mentioning.start = before.length - match[2].length - 1;
    mentioning.options = mentionCandidates()
        .filter(c => c.displayName.toLowerCase().split(/\s+/).some(word => word.startsWith(mentioning.query))
            || c.displayName.toLowerCase().startsWith(mentioning.query));
    mentioning.active = 0;
    if (mentioning.options.length === 0) return closeMentionSuggestions();
    renderMentionSuggestions();
}

function renderMentionSuggestions() {
    const list = $('mention-suggestions');
    list.replaceChildren(...mentioning.options.map((option, index) => {
        const item = el('li', {
            class: `mention-option${index === mentioning.active ? ' active' : ''}`, role: 'option',
            'aria-selected': String(index === mentioning.active), 'data-team-member-id': option.id,
        }, avatar(option.displayName, 'avatar-sm'), el('span', {}, option.displayName));
        // mousedown, not click: the textarea keeps its focus and caret.
        item.addEventListener('mousedown', event => { event.preventDefault(); chooseMention(option); });
        return item;
    }));
    list.hidden = false;
}

function closeMentionSuggestions() {
    $('mention-suggestions').hidden = true;
    mentioning.options = [];
}

function chooseMention(option) {
    const text = $('composer-text');
    const insert = `@${option.displayName} `;
    const after = text.value.slice(text.selectionStart);
    text.value = text.value.slice(0, mentioning.start) + insert + after;
    const caret = mentioning.start + insert.length;
    text.setSelectionRange(caret, caret);
    mentioning.chosen.set(option.id, option.displayName);
    closeMentionSuggestions();
    text.focus();
}

/** The ids of the chosen members whose "@Name" the text still shows. */
function mentionsIn(text) {
    return [...mentioning.chosen].filter(([, name]) => text.includes(`@${name}`)).map(([id]) => id);
}

function forgetMentions() {
    mentioning.chosen.clear();
    closeMentionSuggestions();
}

function mentionBadge(summary) {
    const count = summary.mentionCount || 0;
    if (count === 0) return null;
    const title = `${count} unread mention${count > 1 ? 's' : ''}`;
    return el('span', { class: 'badge badge-mention', title }, `@${count}`);
}

function renderMentionTotal() {
    if (!state.isTeam) return;
    const pill = $('mention-total');
    const total = state.me.mentionTotal || 0;
    pill.hidden = total === 0;
    pill.textContent = String(total);
}

function mentionReceived(event) {
    state.me.mentionTotal = (state.me.mentionTotal || 0) + 1;
    const summary = state.inbox.summaries.get(event.conversationId);
    if (summary) {
        summary.mentionCount = (summary.mentionCount || 0) + 1;
    } else {
        refreshInboxSoon();
    }
    if (state.open?.id !== event.conversationId) toast('You were mentioned in a conversation.');
    renderInbox();
}

/** My horizon moved (here or in another tab): the counts of mentions it passed are the server's to tell. */
function mentionsRead(event) {
    if (!state.isTeam || key(event.reader) !== key(state.me.actor)) return;
    const summary = state.inbox.summaries.get(event.conversationId);
    if (!summary || !summary.mentionCount) return;
    api.me().then(me => {
        state.me.mentionTotal = me.mentionTotal;
        if (state.inbox.mentionsOnly) return refreshInboxSoon();
        if (event.seq >= summary.conversation.lastSeq) summary.mentionCount = 0; else refreshInboxSoon();
        return renderInbox();
    }).catch(showError);
}

// Internal notes (team only): a note/reply switch in the composer; notes shown as yellow cards. A client's page
// never gets a note from the API, so nothing here runs for clients.

let noteModeOn = false;

function noteMode() {
    return state.isTeam && noteModeOn;
}

function wireNoteSwitch() {
    for (const button of $('composer-mode').querySelectorAll('button[data-mode]')) {
        button.addEventListener('click', () => {
            noteModeOn = button.dataset.mode === 'note';
            renderComposerAccess();
            $('composer-text').focus();
        });
    }
}

/**
 * The switch is the team's; a read-only agent may post notes though not replies, a watcher neither (as the
 * library's default policy says), so in note mode the composer unlocks for a read-only agent.
 */
function renderNoteSwitch() {
    const canNote = state.isTeam && state.me.role !== 'WATCHER';
    $('composer-mode').hidden = !canNote;
    if (!canNote) noteModeOn = false;
    for (const button of $('composer-mode').querySelectorAll('button[data-mode]')) {
        button.setAttribute('aria-pressed', String((button.dataset.mode === 'note') === noteModeOn));
    }
    $('composer-mode-hint').hidden = !noteModeOn;
    $('composer').classList.toggle('note-mode', noteModeOn);
    if (noteModeOn) {
        $('composer-locked').hidden = true;
        $('composer').classList.remove('locked');
        for (const control of [$('composer-text'), $('composer-send'), $('composer-files')]) {
            control.disabled = false;
        }
        $('attach-label').classList.remove('disabled');
        $('composer-text').placeholder = 'Write an internal note…';
    }
}

function noteLabel() {
    return el('div', { class: 'note-label' }, 'Internal note');
}

// ---------------------------------------------------------------------------------------------------------------
// Participants (team only)

async function loadParticipants() {
    const open = state.open;
    const participants = await api.participants(open.id);
    if (state.open !== open) return;
    open.participants = participants;
    participants.forEach(p => state.names.set(`TEAM_MEMBER:${p.teamMemberId}`, p.displayName));
    renderParticipants();
}

function accessLabel(participant) {
    if (participant.role === 'WATCHER') return 'Read';
    return participant.access === 'READ_ONLY' ? 'Read only' : 'Write';
}

function renderParticipants() {
    const open = state.open;
    $('add-participants').hidden = !state.canManage;
    const rows = open.participants.map(participant => {
        const row = el('li', { class: 'person', 'data-team-member-id': participant.teamMemberId },
            avatar(participant.displayName, 'avatar-sm'),
            el('span', { class: 'person-text' },
                el('span', { class: 'person-name' }, participant.displayName),
                el('span', { class: 'muted small' }, ROLE_NAMES[participant.role])),
            el('span', { class: `access access-${accessLabel(participant).toLowerCase().replace(' ', '-')}` },
                accessLabel(participant)));
        if (state.canManage) {
            const more = el('button', {
                type: 'button', class: 'btn-icon more', 'aria-label': `Options for ${participant.displayName}`,
                'aria-haspopup': 'menu',
            }, '⋯');
            more.addEventListener('click', event => { event.stopPropagation(); openParticipantMenu(more, participant); });
            row.append(more);
        }
        return row;
    });
    $('participant-list').replaceChildren(...rows);
    if (rows.length === 0) $('participant-list').append(el('li', { class: 'muted small' }, 'No team members added yet.'));

    const client = state.clients.find(c => c.id === open.conversation.clientAccountId);
    $('client-people').replaceChildren(...(client ? client.users : []).map(user => el('li', { class: 'person' },
        avatar(user.displayName, 'avatar-sm'),
        el('span', { class: 'person-text' },
            el('span', { class: 'person-name' }, user.displayName),
            el('span', { class: 'muted small' }, client.kind === 'ORGANISATION' ? client.name : 'Individual client')))));
    if (!client || client.users.length === 0) {
        $('client-people').append(el('li', { class: 'muted small' }, 'No client users have signed up yet.'));
    }
    renderTeamState();   // who may be assigned follows the participants
}

function openParticipantMenu(anchor, participant) {
    const menu = $('participant-menu');
    const item = (label, action, { checked = false, danger = false } = {}) => {
        const button = el('button', { type: 'button', role: 'menuitemradio', class: danger ? 'danger' : '',
            'aria-checked': String(checked) }, el('span', { class: 'check-mark' }, checked ? '✓' : ''), label);
        button.addEventListener('click', async () => {
            closeMenu();
            try {
                await action();
            } catch (error) {
                showError(error);
            }
        });
        return button;
    };
    const conversationId = state.open.id;
    const items = [];
    if (participant.role === 'AGENT') {
        items.push(item('Write', () => setAccess(conversationId, participant, 'WRITE'),
            { checked: participant.access === 'WRITE' }));
        items.push(item('Read only', () => setAccess(conversationId, participant, 'READ_ONLY'),
            { checked: participant.access === 'READ_ONLY' }));
        items.push(el('hr'));
    } else if (participant.role === 'WATCHER') {
        items.push(el('div', { class: 'menu-note' }, 'Watchers can only read.'));
        items.push(el('hr'));
    }
    items.push(item('Remove from chat', () => api.removeParticipant(conversationId, participant.teamMemberId)
        .then(() => participantRemoved(conversationId, participant.teamMemberId)), { danger: true }));
    menu.replaceChildren(...items);
    const box = anchor.getBoundingClientRect();
    menu.style.top = `${box.bottom + 4}px`;
    menu.style.left = `${Math.max(8, box.right - 200)}px`;
    menu.hidden = false;
}

async function setAccess(conversationId, participant, access) {
    participantChanged(conversationId, await api.setParticipant(conversationId, participant.teamMemberId, access));
}

function closeMenu() {
    $('participant-menu').hidden = true;
}

document.addEventListener('click', event => { if (!$('participant-menu').contains(event.target)) closeMenu(); });
document.addEventListener('keydown', event => { if (event.key === 'Escape') closeMenu(); });

function participantChanged(conversationId, participant) {
    const open = state.open;
    if (participant.teamMemberId === state.me.actor.id) {
        const summary = state.inbox.summaries.get(conversationId);
        if (summary) summary.access = participant.access;
        if (open?.id === conversationId) {
            open.access = participant.access;
            renderComposerAccess();
        }
    }
    if (open?.id === conversationId) {
        open.participants = [...open.participants.filter(p => p.teamMemberId !== participant.teamMemberId), participant]
            .sort((a, b) => a.displayName.localeCompare(b.displayName));
        renderParticipants();
    }
}

function participantRemoved(conversationId, teamMemberId) {
    const open = state.open;
    if (teamMemberId === state.me.actor.id && !state.canManage) {
        const summary = state.inbox.summaries.get(conversationId);
        state.inbox.summaries.delete(conversationId);
        if (open?.id === conversationId) {
            closeConversation(`You were removed from the conversation with ${summary ? summary.conversation.clientName : 'this client'}.`);
        } else {
            renderInbox();
        }
        return;
    }
    if (open?.id === conversationId) {
        open.participants = open.participants.filter(p => p.teamMemberId !== teamMemberId);
        renderParticipants();
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Dialogs: "Add participants" and announcements

function wireDialogs() {
    for (const dialog of document.querySelectorAll('dialog')) {
        dialog.querySelectorAll('[data-close]').forEach(button => button.addEventListener('click', () => dialog.close()));
    }
    $('add-participants').addEventListener('click', openAddDialog);
    $('add-form').addEventListener('submit', addSelectedParticipants);
    $('announce-open').addEventListener('click', openAnnounceDialog);
    $('announce-form').addEventListener('submit', sendAnnouncement);
    $('client-search').addEventListener('input', renderClientOptions);
    for (const radio of document.querySelectorAll('input[name="audience"]')) {
        radio.addEventListener('change', () => { $('client-picker').hidden = audienceMode() !== 'selected'; });
    }
    $('announce-files').addEventListener('change', event => {
        upload([...event.target.files], 'announce');
        event.target.value = '';
    });
}

function openAddDialog() {
    const taken = new Set(state.open.participants.map(p => p.teamMemberId));
    const candidates = state.team.filter(member => !taken.has(member.id));
    const list = $('add-candidates');
    list.replaceChildren(...candidates.map(member => {
        const access = member.role === 'AGENT'
            ? el('select', { class: 'access-select', 'aria-label': `Access for ${member.displayName}` },
                el('option', { value: 'WRITE' }, 'Write'), el('option', { value: 'READ_ONLY' }, 'Read only'))
            : el('span', { class: 'access' }, member.role === 'WATCHER' ? 'Read' : 'Write');
        return el('li', { class: 'pick', 'data-team-member-id': member.id },
            el('label', { class: 'pick-label' },
                el('input', { type: 'checkbox', value: member.id }),
                avatar(member.displayName, 'avatar-sm'),
                el('span', { class: 'person-text' },
                    el('span', { class: 'person-name' }, member.displayName),
                    el('span', { class: 'muted small' }, `${ROLE_NAMES[member.role]} · ${member.title}`))),
            access);
    }));
    if (candidates.length === 0) list.append(el('li', { class: 'muted' }, 'Everyone on the team is already here.'));
    list.onchange = () => { $('add-submit').disabled = !list.querySelector('input:checked'); };
    $('add-submit').disabled = true;
    $('add-dialog').showModal();
}

async function addSelectedParticipants(event) {
    event.preventDefault();
    const conversationId = state.open.id;
    const picks = [...$('add-candidates').querySelectorAll('li.pick')].filter(row => row.querySelector('input:checked'));
    $('add-submit').disabled = true;
    try {
        for (const row of picks) {
            const member = state.team.find(m => m.id === row.dataset.teamMemberId);
            const select = row.querySelector('select');
            const access = member.role === 'WATCHER' ? 'READ_ONLY' : select ? select.value : 'WRITE';
            participantChanged(conversationId, await api.setParticipant(conversationId, member.id, access));
        }
        $('add-dialog').close();
    } catch (error) {
        showError(error);
        $('add-submit').disabled = false;
    }
}

const announce = { selected: new Set(), polling: null };

function audienceMode() {
    return document.querySelector('input[name="audience"]:checked').value;
}

function openAnnounceDialog() {
    announce.selected = new Set();
    pending.announce = [];
    renderTray('announce');
    $('announce-form').reset();
    $('client-picker').hidden = true;
    $('announce-progress').hidden = true;
    $('announce-send').disabled = false;
    renderClientOptions();
    $('announce-dialog').showModal();
}

function renderClientOptions() {
    const query = $('client-search').value.trim().toLowerCase();
    const options = state.clients.filter(client => client.name.toLowerCase().includes(query)).map(client => {
        const box = el('input', { type: 'checkbox', value: client.id, checked: announce.selected.has(client.id) });
        box.addEventListener('change', () => {
            if (box.checked) announce.selected.add(client.id); else announce.selected.delete(client.id);
            renderSelectedCount();
        });
        return el('li', { class: 'pick', 'data-client-account-id': client.id },
            el('label', { class: 'pick-label' }, box, avatar(client.name, 'avatar-sm'),
                el('span', { class: 'person-text' },
                    el('span', { class: 'person-name' }, client.name),
                    el('span', { class: 'muted small' },
                        client.kind === 'ORGANISATION' ? `Organisation · ${client.users.length} user(s)` : 'Individual'))));
    });
    $('client-options').replaceChildren(...options);
    renderSelectedCount();
}

function renderSelectedCount() {
    const count = announce.selected.size;
    $('client-selected-count').textContent = count === 0 ? 'None selected' : `${count} selected`;
}

async function sendAnnouncement(event) {
    event.preventDefault();
    const text = $('announce-text').value.trim();
    const attachmentIds = readyAttachments('announce');
    if (attachmentIds === null) return;
    const all = audienceMode() === 'all';
    if (!text && attachmentIds.length === 0) return toast('Write the announcement first.');
    if (!all && announce.selected.size === 0) return toast('Pick at least one client.');
    $('announce-send').disabled = true;
    try {
        const sent = await api.announce({
            audience: all ? { allClients: true } : { clientAccountIds: [...announce.selected] },
            text, attachmentIds, highlighted: $('announce-highlight').checked,
        });
        showProgress(sent);
        followAnnouncement(sent.id);
    } catch (error) {
        $('announce-send').disabled = false;
        showError(error);
    }
}

function showProgress(announcement) {
    const box = $('announce-progress');
    box.hidden = false;
    box.dataset.status = announcement.status;
    box.dataset.announcementId = announcement.id;
    const { targetCount: target, deliveredCount: delivered } = announcement;
    $('announce-progress-bar').style.width = `${target ? Math.round(100 * delivered / target) : 100}%`;
    $('announce-progress-text').textContent = announcement.status === 'DELIVERED'
        ? `Delivered to ${delivered} ${delivered === 1 ? 'client' : 'clients'}`
        : announcement.status === 'FAILED' ? `Delivery failed after ${delivered} of ${target}`
            : `Delivering… ${delivered} of ${target}`;
}

/** Delivery runs in the background: follow its progress until it is done. */
function followAnnouncement(id) {
    clearTimeout(announce.polling);
    const poll = async () => {
        const current = await api.announcement(id).catch(() => null);
        if (current && $('announce-progress').dataset.announcementId === id) showProgress(current);
        if (!current || (current.status !== 'DELIVERED' && current.status !== 'FAILED')) {
            announce.polling = setTimeout(poll, 400);
        }
    };
    poll();
}

// ---------------------------------------------------------------------------------------------------------------
// Live events

function onEvent(type, event) {
    switch (type) {
        case 'MessagePosted':
        case 'MessageEdited':
            return messageArrived(event.message, type === 'MessagePosted');
        case 'MessageDeleted':
            return messageDeleted(event);
        case 'ConversationRead':
            mentionsRead(event);
            return conversationRead(event);
        case 'MentionReceived':
            return mentionReceived(event);
        case 'ParticipantAdded':
            if (event.participant.teamMemberId === state.me.actor.id && !state.inbox.summaries.has(event.conversationId)) {
                toast('You were added to a conversation.');
                return refreshInboxSoon();
            }
            return participantChanged(event.conversationId, event.participant);
        case 'ParticipantAccessChanged':
            return participantChanged(event.conversationId, event.participant);
        case 'ParticipantRemoved':
            return participantRemoved(event.conversationId, event.teamMemberId);
        case 'AnnouncementDelivered':
            if ($('announce-progress').dataset.announcementId === event.announcementId) followAnnouncement(event.announcementId);
            return;
        case 'ConversationAssigned':
        case 'ConversationStatusChanged':
            return teamStateChanged(type, event);
        case 'ConversationCreated':
        case 'ConversationUpdated':
            return refreshInboxSoon();
        case 'ConversationDeleted':
            state.inbox.summaries.delete(event.conversationId);
            if (state.open?.id === event.conversationId) closeConversation('This conversation was deleted.');
            return renderInbox();
        default:
            return undefined;   // events this page does not show
    }
}

function messageArrived(message, isNew) {
    const open = state.open;
    if (open?.id === message.conversationId) {
        const known = open.messages.has(message.seq);
        if (isNew && !known && message.seq > open.newestSeq + 1) {
            // A gap: fetch what lies between (cannot happen with a resumed feed, but costs nothing to cover).
            api.history(open.id, { after: open.newestSeq, limit: HISTORY_PAGE }).then(page => {
                if (state.open === open) addMessages(page.items);
            });
        }
        const follow = isNearBottom() || isMine(message);
        if (known || isNew) addMessages([message]);
        if (isNew && follow) scrollToBottom();
        if (isNew && !isMine(message)) markRead();
    }
    if (isNew) updateSummary(message);
}

function updateSummary(message) {
    const summary = state.inbox.summaries.get(message.conversationId);
    if (!summary) {
        if (!state.inbox.unreadOnly || !isMine(message)) refreshInboxSoon();
        return;
    }
    if (summary.lastMessage && summary.lastMessage.seq >= message.seq) return;
    summary.lastMessage = message;
    summary.conversation = { ...summary.conversation, lastSeq: message.seq, lastMessageAt: message.createdAt };
    const reading = state.open?.id === message.conversationId && document.visibilityState === 'visible';
    if (!isMine(message) && !reading) summary.unreadCount += 1;
    renderInbox();
}

function messageDeleted(event) {
    const open = state.open;
    if (open?.id === event.conversationId && open.messages.has(event.seq)) {
        open.messages.set(event.seq, { ...open.messages.get(event.seq), deleted: true, text: '', attachments: [] });
        renderMessages();
    }
}

function conversationRead(event) {
    if (key(event.reader) === key(state.me.actor)) {
        // Read here or in another tab of mine.
        const summary = state.inbox.summaries.get(event.conversationId);
        if (summary && event.seq >= summary.conversation.lastSeq) {
            summary.unreadCount = 0;
            renderInbox();
        }
        return;
    }
    const open = state.open;
    if (open?.id === event.conversationId) {
        open.readers.set(key(event.reader), Math.max(event.seq, open.readers.get(key(event.reader)) || 0));
        renderReceipts();
    }
}

let inboxRefresh = null;

function refreshInboxSoon() {
    clearTimeout(inboxRefresh);
    inboxRefresh = setTimeout(() => loadInbox({ reset: true }), 200);
}

// ---------------------------------------------------------------------------------------------------------------
// Search: the box in the top bar, a panel of hits (newest first, a page at a time); a hit opens its conversation.
// Snippets are the server's plain text: they go in as text nodes, the matched words as <mark> elements around text
// nodes, so markup in a message is shown as the characters it is.

const SEARCH_PAGE = 10;
const search = { query: '', cursor: null, timer: null, generation: 0 };

function wireSearch() {
    const input = $('search-input');
    $('search-form').addEventListener('submit', event => {
        event.preventDefault();
        runSearch(input.value);
    });
    input.addEventListener('input', () => {
        clearTimeout(search.timer);
        if (!input.value.trim()) {
            closeSearch();
            return;
        }
        search.timer = setTimeout(() => runSearch(input.value), 350);
    });
    input.addEventListener('keydown', event => { if (event.key === 'Escape') closeSearch(); });
    $('search-close').addEventListener('click', closeSearch);
    $('search-more').addEventListener('click', () => loadSearchPage());
}

async function runSearch(text) {
    clearTimeout(search.timer);
    search.query = text.trim();
    search.cursor = null;
    search.generation++;
    $('search-results').replaceChildren();
    // Under the box wherever the top bar put it (on a phone it wraps onto a row of its own).
    const panel = $('search-panel');
    panel.style.setProperty('--search-top', `${Math.round($('search-form').getBoundingClientRect().bottom + 6)}px`);
    panel.hidden = false;
    if (!search.query) {
        closeSearch();
        return;
    }
    await loadSearchPage();
}

async function loadSearchPage() {
    const generation = search.generation;
    $('search-status').textContent = 'Searching…';
    $('search-more').hidden = true;
    let page;
    try {
        page = await api.search({ q: search.query, limit: SEARCH_PAGE, cursor: search.cursor || undefined });
    } catch (error) {
        if (generation !== search.generation) return;
        const refused = error instanceof ApiError && error.status === 400;
        $('search-status').textContent = refused ? 'Type a word or two to search for.' : 'Search failed; try again.';
        if (!refused) console.error(error);
        return;
    }
    if (generation !== search.generation) return;
    page.items.forEach(hit => $('search-results').append(searchHitNode(hit)));
    search.cursor = page.nextCursor;
    $('search-more').hidden = !page.nextCursor;
    const shown = $('search-results').childElementCount;
    $('search-status').textContent = shown === 0 ? 'No messages found.'
        : `${shown}${page.nextCursor ? '+' : ''} message${shown === 1 ? '' : 's'} found`;
}

function searchHitNode(hit) {
    const { message } = hit;
    const where = el('span', { class: 'search-hit-where' }, conversationName(message.conversationId));
    const row = el('li', {
        class: 'search-hit', tabindex: '0', role: 'button',
        'data-message-id': message.id, 'data-conversation-id': message.conversationId,
    },
    el('div', { class: 'search-hit-meta' },
        state.isTeam ? where : null,
        el('span', { class: 'search-hit-author' }, isMine(message) ? 'You' : message.authorName),
        el('time', { datetime: message.createdAt, title: fullTime(message.createdAt) }, shortTime(message.createdAt))),
    snippetNode(hit));
    if (state.isTeam && !state.inbox.summaries.has(message.conversationId)) {
        api.conversation(message.conversationId).then(c => { where.textContent = c.clientName; }).catch(() => {});
    }
    row.addEventListener('click', () => openSearchHit(message));
    row.addEventListener('keydown', event => { if (event.key === 'Enter') openSearchHit(message); });
    return row;
}

/** The snippet as text nodes, each highlight a <mark> holding a text node: never parsed as markup. */
function snippetNode(hit) {
    const node = el('p', { class: 'search-snippet' });
    let at = 0;
    for (const { start, end } of hit.highlights) {
        if (start < at || end > hit.snippet.length) continue;
        node.append(document.createTextNode(hit.snippet.slice(at, start)),
            el('mark', {}, hit.snippet.slice(start, end)));
        at = end;
    }
    node.append(document.createTextNode(hit.snippet.slice(at)));
    return node;
}

function conversationName(conversationId) {
    return state.inbox.summaries.get(conversationId)?.conversation.clientName || 'Conversation';
}

async function openSearchHit(message) {
    closeSearch();
    try {
        if (state.open?.id !== message.conversationId) await openConversation(message.conversationId);
    } catch (error) {
        showError(error);
        return;
    }
    const shown = document.querySelector(`#message-list .message[data-message-id="${CSS.escape(message.id)}"]`);
    if (shown) {
        shown.scrollIntoView({ block: 'center' });
        shown.classList.add('search-target');
        setTimeout(() => shown.classList.remove('search-target'), 2500);
    }
}

function closeSearch() {
    clearTimeout(search.timer);
    search.generation++;
    $('search-panel').hidden = true;
}

wireSearch();

// Assignment and team status (team only: a client's page has neither the controls nor the data)

const STATUS_NAMES = { OPEN: 'Open', WAITING: 'Waiting', DONE: 'Done' };
const teamWork = { assignment: 'all', status: '' };   // the inbox's team filters

function wireTeamWork() {
    $('team-filter').hidden = false;
    const buttons = document.querySelectorAll('[data-assignment]');
    for (const button of buttons) {
        button.addEventListener('click', () => {
            teamWork.assignment = button.dataset.assignment;
            buttons.forEach(b => b.setAttribute('aria-pressed', String(b === button)));
            loadInbox({ reset: true });
        });
    }
    $('status-filter').addEventListener('change', () => {
        teamWork.status = $('status-filter').value;
        loadInbox({ reset: true });
    });
    $('assignee-select').addEventListener('change',
        () => changeTeamState(open => api.assign(open.id, $('assignee-select').value || null)));
    $('status-select').addEventListener('change',
        () => changeTeamState(open => api.setStatus(open.id, $('status-select').value)));
}

/** The inbox query's team filters ("Mine" is the API's assignee=me). */
function teamFilterQuery() {
    if (!state.isTeam) return {};
    return {
        assignee: teamWork.assignment === 'mine' ? 'me' : undefined,
        unassigned: teamWork.assignment === 'unassigned',
        status: teamWork.status || undefined,
    };
}

/** Who may be assigned: whoever can see the conversation (owners, admins, managers and its participants). */
function assigneeCandidates(open) {
    const participants = new Set(open.participants.map(p => p.teamMemberId));
    return state.team.filter(member => MANAGING_ROLES.includes(member.role) || participants.has(member.id));
}

function renderTeamState() {
    const open = state.open;
    const box = $('team-state');
    const team = open?.conversation.team;
    box.hidden = !state.isTeam || !team;
    if (box.hidden) return;
    const candidates = assigneeCandidates(open);
    const assignee = $('assignee-select');
    assignee.replaceChildren(el('option', { value: '' }, 'Unassigned'),
        ...candidates.map(member => el('option', { value: member.id }, member.displayName)));
    if (team.assigneeId && !candidates.some(member => member.id === team.assigneeId)) {
        assignee.append(el('option', { value: team.assigneeId }, team.assigneeName || team.assigneeId));
    }
    assignee.value = team.assigneeId || '';
    $('status-select').value = team.status;
    // Agents with write access assign too; read-only agents and watchers see it only.
    const mayChange = open.access === 'WRITE';
    assignee.disabled = !mayChange;
    $('status-select').disabled = !mayChange;
    box.dataset.status = team.status;
    box.dataset.assignee = team.assigneeId || '';
}

async function changeTeamState(call) {
    const open = state.open;
    try {
        applyTeamState(open.id, await call(open));
    } catch (error) {
        showError(error);
        renderTeamState();   // back to what it is
    }
}

function teamStateChanged(type, event) {
    const summary = state.inbox.summaries.get(event.conversationId);
    const known = state.open?.id === event.conversationId ? state.open.conversation.team : summary?.conversation.team;
    if (!known) return refreshInboxSoon();
    const team = type === 'ConversationAssigned'
        ? { ...known, assigneeId: event.assigneeId, assigneeName: event.assigneeName, changedAt: event.at }
        : { ...known, status: event.status, changedAt: event.at };
    return applyTeamState(event.conversationId, team);
}

function applyTeamState(conversationId, team) {
    const summary = state.inbox.summaries.get(conversationId);
    if (summary) summary.conversation = { ...summary.conversation, team };
    if (state.open?.id === conversationId) {
        state.open.conversation = { ...state.open.conversation, team };
        renderTeamState();
    }
    // A filtered inbox may gain or lose the conversation: ask the server again.
    if (teamWork.assignment !== 'all' || teamWork.status) refreshInboxSoon();
    else renderInbox();
}

function teamTag(conversation) {
    const team = conversation.team;
    if (!team) return null;
    const first = team.assigneeName ? team.assigneeName.split(' ')[0] : null;
    return el('span', { class: 'team-tag', 'data-status': team.status, 'data-assignee': team.assigneeId || '',
        title: team.assigneeName ? `${STATUS_NAMES[team.status]}, assigned to ${team.assigneeName}`
            : `${STATUS_NAMES[team.status]}, unassigned` },
    first ? `${STATUS_NAMES[team.status]} · ${first}` : STATUS_NAMES[team.status]);
}

// ---------------------------------------------------------------------------------------------------------------
// Small things

function key(actor) {
    return `${actor.kind}:${actor.id}`;
}

function isMine(message) {
    return key(message.author) === key(state.me.actor);
}

function toast(text, kind = 'info') {
    const node = el('div', { class: `toast toast-${kind}`, role: kind === 'error' ? 'alert' : 'status' }, text);
    $('toasts').append(node);
    setTimeout(() => node.remove(), 5000);
}

function showError(error) {
    console.error(error);
    toast(error instanceof ApiError ? error.message : 'Something went wrong; please try again.', 'error');
}

start().catch(error => {
    showError(error);
    document.body.classList.remove('is-loading');
});
