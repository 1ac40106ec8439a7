/*
 * A small browser client for the client-portal messaging REST + SSE API (see API.md). No dependencies: use it from
 * the @clientportal/messaging-ui package (the starter serves it at /messaging-ui/messaging-client.js) or copy it.
 * It speaks to the API with the signed-in user's session cookie and the SPA flavour of CSRF protection (the
 * XSRF-TOKEN cookie's value goes back in the X-XSRF-TOKEN header on every state-changing request).
 */

/**
 * An answer other than 2xx. `problem` is the RFC 9457 problem detail ({status, title, detail, field?, code?}) if
 * any. The message is the server's wording, for logs: show people strings.errorMessage(error) instead.
 */
export class ApiError extends Error {
    constructor(status, problem) {
        super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
        this.name = 'ApiError';
        this.status = status;
        this.problem = problem;
    }

    /** The problem's machine-readable code (not_found, forbidden, invalid, too_large, ...), if the server gave one. */
    get code() { return this.problem?.code || null; }

    /** The input the problem names, if any. */
    get field() { return this.problem?.field || null; }
}

function cookie(name) {
    const prefix = name + '=';
    const found = (globalThis.document?.cookie || '').split('; ').find(part => part.startsWith(prefix));
    return found ? decodeURIComponent(found.substring(prefix.length)) : null;
}

/** The header that lets a state-changing request through CSRF protection. */
export function csrfHeaders() {
    const token = cookie('XSRF-TOKEN');
    return token ? { 'X-XSRF-TOKEN': token } : {};
}

export class MessagingClient {
    /**
     * @param basePath          where the API is served (property messaging.web.base-path)
     * @param onUnauthenticated called on a 401, for example to send the user to the login page
     */
    constructor({ basePath = '/api/messaging', onUnauthenticated = () => {} } = {}) {
        this.basePath = basePath;
        this.onUnauthenticated = onUnauthenticated;
    }

    me() { return this.#request('GET', '/me'); }

    /**
     * One page of the inbox, newest activity first; pass the previous page's nextCursor for the next one. The team
     * filters (assignee: a team member's id or 'me', unassigned, status; mentions: unread mentions of the caller)
     * are for team members only.
     */
    inbox({ limit = 20, cursor, unread, assignee, unassigned, status, mentions } = {}) {
        return this.#request('GET', '/conversations', { query: { limit, cursor, unread: unread ? true : undefined,
            assignee, unassigned: unassigned ? true : undefined, status, mentions: mentions ? 'me' : undefined } });
    }

    conversation(id) { return this.#request('GET', `/conversations/${enc(id)}`); }

    /**
     * Full-text search over what the caller may see, newest first: {items: [{message, snippet, highlights}],
     * nextCursor}. The snippet is plain text; highlights are [start, end) ranges in it (JavaScript indices).
     */
    search({ q, conversationId, limit = 20, cursor } = {}) {
        return this.#request('GET', '/search', { query: { q, conversationId, limit, cursor } });
    }

    /** Messages ascending by seq: the latest page, or the page before/after a seq. */
    history(conversationId, { before, after, limit = 30 } = {}) {
        return this.#request('GET', `/conversations/${enc(conversationId)}/messages`,
            { query: { before, after, limit } });
    }

    /** Posts a message. Send the same clientMessageId again to retry safely: the answer is the same message. */
    post(conversationId, { text, attachmentIds = [], clientMessageId = crypto.randomUUID(), mentions = [],
        internal = false }) {
        return this.#request('POST', `/conversations/${enc(conversationId)}/messages`,
            { body: { text, attachmentIds, clientMessageId, mentions, internal } });
    }

    /** Replaces a message's text (own messages, within the edit window). version: the one read, if the API has it. */
    editMessage(conversationId, messageId, { text, version } = {}) {
        return this.#request('PATCH', `/conversations/${enc(conversationId)}/messages/${enc(messageId)}`,
            { body: version === undefined ? { text } : { text, version } });
    }

    /** Deletes a message: it stays as a tombstone that keeps its seq. */
    deleteMessage(conversationId, messageId) {
        return this.#request('DELETE', `/conversations/${enc(conversationId)}/messages/${enc(messageId)}`);
    }

    /**
     * Who has read how far: {items: [{reader: {kind, id}, displayName, seq, at}]}. A client is shown the team as one
     * reader (kind 'TEAM', id null) under the name the server gives.
     */
    reads(conversationId) { return this.#request('GET', `/conversations/${enc(conversationId)}/reads`); }

    markRead(conversationId, seq) {
        return this.#request('POST', `/conversations/${enc(conversationId)}/read`, { body: { seq } });
    }

    /** Team only: assigns the conversation to a team member who can see it, or to nobody (null). */
    assign(conversationId, teamMemberId) {
        return this.#request('PUT', `/conversations/${enc(conversationId)}/assignee`, { body: { teamMemberId } });
    }

    /** Team only: sets the team status, 'OPEN', 'WAITING' (on the client) or 'DONE'. */
    setStatus(conversationId, status) {
        return this.#request('PUT', `/conversations/${enc(conversationId)}/status`, { body: { status } });
    }

    participants(conversationId) { return this.#request('GET', `/conversations/${enc(conversationId)}/participants`); }

    /** Adds a team member with the given access ('WRITE' or 'READ_ONLY'), or changes the access of one already in. */
    setParticipant(conversationId, teamMemberId, access) {
        return this.#request('PUT', `/conversations/${enc(conversationId)}/participants/${enc(teamMemberId)}`,
            { body: { access } });
    }

    removeParticipant(conversationId, teamMemberId) {
        return this.#request('DELETE', `/conversations/${enc(conversationId)}/participants/${enc(teamMemberId)}`);
    }

    /** Uploads a file; reference the answer's id in a message or announcement. */
    upload(file) {
        const form = new FormData();
        form.append('file', file, file.name);
        return this.#request('POST', '/attachments', { body: form });
    }

    attachmentUrl(attachmentId) { return `${this.basePath}/attachments/${enc(attachmentId)}`; }

    /** A small preview of an image attachment, served with the same safety headers as the download. */
    thumbnailUrl(attachmentId) { return `${this.attachmentUrl(attachmentId)}/thumbnail`; }

    /** audience: {allClients: true} or {clientAccountIds: [...]}. Answers at once; delivery runs in the background. */
    announce({ audience, text, attachmentIds = [], highlighted = false }) {
        return this.#request('POST', '/announcements', { body: { audience, text, attachmentIds, highlighted } });
    }

    announcement(id) { return this.#request('GET', `/announcements/${enc(id)}`); }

    /** The team's saved replies (team members only), by title or, with order 'shortcut', by shortcut. */
    savedReplies({ order, prefix } = {}) {
        return this.#request('GET', '/saved-replies', { query: { order, prefix } });
    }

    /** Saves a reply template (owners, admins and managers); a taken shortcut answers 409 with field 'shortcut'. */
    createSavedReply({ title, shortcut, text }) {
        return this.#request('POST', '/saved-replies', { body: { title, shortcut, text } });
    }

    /** Replaces a saved reply if it is still at `version` (the one read); 409 with field 'version' otherwise. */
    updateSavedReply(id, { title, shortcut, text, version }) {
        return this.#request('PUT', `/saved-replies/${enc(id)}`, { body: { title, shortcut, text, version } });
    }

    deleteSavedReply(id) { return this.#request('DELETE', `/saved-replies/${enc(id)}`); }

    /** A saved reply's text with its placeholders filled for a conversation: {text}. */
    renderSavedReply(conversationId, id) {
        return this.#request('GET', `/conversations/${enc(conversationId)}/saved-replies/${enc(id)}`);
    }

    /** The real-time feed; see EventFeed. */
    events(handlers) { return new EventFeed(this, handlers); }

    async #request(method, path, { query = {}, body } = {}) {
        const url = new URL(this.basePath + path, globalThis.location?.origin || 'http://localhost');
        for (const [name, value] of Object.entries(query)) {
            if (value !== undefined && value !== null && value !== '') {
                url.searchParams.set(name, value);
            }
        }
        // X-Requested-With: a 401 comes without a Basic challenge, so the browser shows no password prompt.
        const headers = { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
        if (method !== 'GET') {
            Object.assign(headers, csrfHeaders());
        }
        const init = { method, headers, credentials: 'same-origin' };
        if (body instanceof FormData) {
            init.body = body;
        } else if (body !== undefined) {
            headers['Content-Type'] = 'application/json';
            init.body = JSON.stringify(body);
        }
        const response = await fetch(url, init);
        if (response.status === 401) {
            this.onUnauthenticated();
        }
        if (!response.ok) {
            let problem = null;
            try {
                problem = await response.json();
            } catch (ignored) {
                // not a problem document
            }
            throw new ApiError(response.status, problem);
        }
        return response.status === 204 ? null : response.json();
    }
}

/**
 * The SSE feed (GET /events), read with fetch rather than EventSource so that every reconnect, including one the
 * page starts itself after an error, resumes with the Last-Event-ID header: the server then replays every event
 * missed in between, in order, once. A StreamReset event means the id was too old: reload your state.
 *
 * A page that lost its stream before its first event has no id to resume from: it is told through onGap() and
 * should load what it shows afresh.
 *
 * handlers: onEvent(type, data), onReset(), onGap(), onStatus('connecting' | 'live' | 'reconnecting', connects).
 */
export class EventFeed {
    #client;
    #handlers;
    #abort = null;
    #stopped = false;
    #failures = 0;
    #retryMs = 3000;
    #watchdog = null;

    /** Heartbeats come every 15 s by default; a stream silent for this long is taken as dead. */
    static IDLE_TIMEOUT_MS = 45000;

    constructor(client, handlers) {
        this.#client = client;
        this.#handlers = handlers;
        this.lastEventId = null;
        this.connects = 0;
    }

    start() {
        this.#stopped = false;
        this.#connect();
        return this;
    }

    stop() {
        this.#stopped = true;
        clearTimeout(this.#watchdog);
        if (this.#abort) {
            this.#abort.abort();
        }
    }

    async #connect() {
        this.#status(this.connects === 0 ? 'connecting' : 'reconnecting');
        this.#abort = new AbortController();
        try {
            const headers = { Accept: 'text/event-stream', 'X-Requested-With': 'XMLHttpRequest' };
            const resuming = this.lastEventId !== null;
            if (resuming) {
                headers['Last-Event-ID'] = this.lastEventId;
            }
            const response = await fetch(`${this.#client.basePath}/events`,
                { headers, credentials: 'same-origin', cache: 'no-store', signal: this.#abort.signal });
            if (response.status === 401) {
                this.#client.onUnauthenticated();
                return;
            }
            if (!response.ok) {
                throw new Error(`event stream answered ${response.status}`);
            }
            this.connects++;
            this.#failures = 0;
            this.#status('live');
            if (this.connects > 1 && !resuming) {
                this.#handlers.onGap?.();
            }
            await this.#read(response.body);
        } catch (error) {
            this.#failures++;
        } finally {
            clearTimeout(this.#watchdog);
        }
        if (!this.#stopped) {
            this.#status('reconnecting');
            // The server's retry hint, backing off while the server stays unreachable.
            const delay = Math.min(this.#retryMs * 2 ** Math.max(0, this.#failures - 1), 30000);
            setTimeout(() => { if (!this.#stopped) this.#connect(); }, this.#failures === 0 ? 500 : delay);
        }
    }

    async #read(body) {
        const reader = body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        let event = { id: null, type: 'message', data: [] };
        this.#armWatchdog();
        for (;;) {
            const { value, done } = await reader.read();
            if (done) {
                return;
            }
            this.#armWatchdog();
            buffer += value;
            const lines = buffer.split(/\r\n|\r|\n/);
            buffer = lines.pop();
            for (const line of lines) {
                if (line === '') {
                    this.#dispatch(event);
                    event = { id: null, type: 'message', data: [] };
                } else if (!line.startsWith(':')) {      // ':' starts a comment (heartbeats)
                    const colon = line.indexOf(':');
                    const field = colon < 0 ? line : line.substring(0, colon);
                    const fieldValue = colon < 0 ? '' : line.substring(colon + 1).replace(/^ /, '');
                    if (field === 'data') event.data.push(fieldValue);
                    else if (field === 'event') event.type = fieldValue;
                    else if (field === 'id') event.id = fieldValue;
                    else if (field === 'retry' && /^\d+$/.test(fieldValue)) this.#retryMs = Number(fieldValue);
                }
            }
        }
    }

    #dispatch(event) {
        if (event.data.length === 0) {
            return;
        }
        if (event.id) {
            this.lastEventId = event.id;
        }
        const data = JSON.parse(event.data.join('\n'));
        try {
            if (event.type === 'StreamReset') {
                this.#handlers.onReset?.(data);
            } else {
                this.#handlers.onEvent?.(event.type, data);
            }
        } catch (error) {
            console.error('event handler failed', event.type, error);
        }
    }

    #armWatchdog() {
        clearTimeout(this.#watchdog);
        this.#watchdog = setTimeout(() => this.#abort?.abort(), EventFeed.IDLE_TIMEOUT_MS);
    }

    #status(status) {
        this.#handlers.onStatus?.(status, this.connects);
    }
}

function enc(value) {
    return encodeURIComponent(value);
}
