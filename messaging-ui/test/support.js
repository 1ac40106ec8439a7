/*
 * What the tests share: a jsdom window installed as the page (the package's modules use the page's globals), a
 * fake messaging API behind fetch (answers by method and path, records every call, and a real SSE stream the test
 * writes events into), and a wait that polls a condition (no fixed sleeps).
 */
import { JSDOM } from 'jsdom';

const realSetTimeout = globalThis.setTimeout;

/** Installs a fresh jsdom page as the global window, then loads the package (once per test file). */
export async function installPage(url = 'https://portal.example/messages') {
    const dom = new JSDOM('<!doctype html><html lang="en"><head><title>Messages</title></head><body></body></html>',
        { url, pretendToBeVisual: true, runScripts: 'outside-only' });
    const win = dom.window;
    for (const name of ['window', 'document', 'HTMLElement', 'customElements', 'Node', 'CustomEvent', 'Event',
        'KeyboardEvent', 'MouseEvent', 'DocumentFragment', 'location', 'history', 'getComputedStyle',
        'MutationObserver', 'HTMLTextAreaElement']) {
        Object.defineProperty(globalThis, name, { value: win[name], configurable: true, writable: true });
    }
    Object.defineProperty(globalThis, 'navigator', { value: win.navigator, configurable: true, writable: true });
    // What the chat schedules (debounces, retries, notices) does not keep the test process alive.
    globalThis.setTimeout = (fn, ms, ...args) => {
        const handle = realSetTimeout(fn, ms, ...args);
        handle.unref?.();
        return handle;
    };
    // Layout is not jsdom's: scrolling into view is a no-op there.
    win.HTMLElement.prototype.scrollIntoView = function scrollIntoView() {};
    let online = true;
    Object.defineProperty(win.navigator, 'onLine', { get: () => online, configurable: true });
    const ui = await import('../src/messaging-ui.js');
    return {
        win, ui,
        setOnline(value) {
            online = value;
            win.dispatchEvent(new win.Event(value ? 'online' : 'offline'));
        },
        close() { win.close(); },
    };
}

/**
 * Waits for a promise whose work runs on the page's timers only (which do not keep the process alive): a real
 * timer keeps it alive meanwhile.
 */
export async function keepAlive(promise) {
    const timer = setInterval(() => {}, 1000);
    try {
        return await promise;
    } finally {
        clearInterval(timer);
    }
}

/** Polls until `check` returns something truthy (or stops throwing); fails after `timeout` ms. */
export async function until(check, { timeout = 3000, message = 'condition' } = {}) {
    const started = Date.now();
    let last;
    for (;;) {
        try {
            const value = await check();
            if (value) return value;
        } catch (error) {
            last = error;
        }
        if (Date.now() - started > timeout) {
            throw new Error(`timed out waiting for ${message}${last ? `: ${last.message}` : ''}`);
        }
        await new Promise(resolve => realSetTimeout(resolve, 5));
    }
}

/** A fake of the messaging REST + SSE API. route(method, pattern, handler) answers; calls records requests. */
export class FakeApi {
    constructor() {
        this.routes = [];
        this.calls = [];
        this.streams = [];
        this.encoder = new TextEncoder();
        this.eventId = 0;
        this.fetch = this.fetch.bind(this);
        this.route('GET', /\/events$/, () => this.#stream());
    }

    /** handler(request) answers {status, body} or a body (200), or throws; may be async (a slow network). */
    route(method, pattern, handler) {
        this.routes.unshift({ method, pattern, handler });
        return this;
    }

    callsTo(method, pattern) {
        return this.calls.filter(call => call.method === method && pattern.test(call.path));
    }

    async fetch(input, init = {}) {
        const url = new URL(String(input), 'https://portal.example');
        const method = init.method || 'GET';
        let body = init.body;
        if (typeof body === 'string') body = JSON.parse(body);
        const request = { method, path: url.pathname, query: Object.fromEntries(url.searchParams), body,
            headers: init.headers || {} };
        this.calls.push(request);
        const route = this.routes.find(r => r.method === method && r.pattern.test(url.pathname));
        if (!route) return json(404, { status: 404, title: 'Not Found', code: 'not_found' });
        const answer = await route.handler(request, url.pathname.match(route.pattern));
        if (answer instanceof Response) return answer;
        if (answer && typeof answer === 'object' && 'status' in answer && 'body' in answer) {
            return answer.status === 204 ? new Response(null, { status: 204 }) : json(answer.status, answer.body);
        }
        return answer === undefined ? new Response(null, { status: 204 }) : json(200, answer);
    }

    #stream() {
        let controller;
        const stream = new ReadableStream({ start(c) { controller = c; } });
        this.streams.push(controller);
        return new Response(stream, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
    }

    /** Sends an event down every open stream, as the server would. */
    push(type, data) {
        const frame = `id: ${++this.eventId}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
        for (const controller of this.streams) controller.enqueue(this.encoder.encode(frame));
    }

    /** Ends the open streams (the server went away). */
    drop() {
        for (const controller of this.streams) {
            try { controller.close(); } catch { /* already closed */ }
        }
        this.streams = [];
    }
}

export function json(status, body) {
    return new Response(JSON.stringify(body), {
        status, headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
    });
}

export function problem(status, fields = {}) {
    return { status, body: { status, title: 'Problem', detail: 'server words: TEAM_MEMBER ava 01a2', ...fields } };
}

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

export const ACME = '0190c0de-0000-7000-8000-000000000001';
export const GLOBEX = '0190c0de-0000-7000-8000-000000000002';

export const OLIVIA = { actor: { kind: 'TEAM_MEMBER', id: 'olivia' }, displayName: 'Olivia Hart', role: 'OWNER',
    unreadTotal: 0, mentionTotal: 0 };
export const AIDEN = { actor: { kind: 'TEAM_MEMBER', id: 'aiden' }, displayName: 'Aiden Brooks', role: 'AGENT',
    unreadTotal: 0, mentionTotal: 0 };
export const ALICE = { actor: { kind: 'CLIENT_USER', id: 'alice' }, displayName: 'Alice Baker', unreadTotal: 0 };

export const LIMITS = { maxTextLength: 10000, maxAttachmentBytes: 10 * 1024 * 1024, maxAttachmentsPerMessage: 10,
    allowedContentTypes: ['application/pdf', 'image/png', 'image/jpeg'], editWindowSeconds: 900 };

let messageCount = 0;

export function message({ seq, text = `message ${seq}`, author = ALICE.actor, authorName = 'Alice Baker',
    conversationId = ACME, createdAt = new Date().toISOString(), ...rest }) {
    messageCount++;
    return {
        id: rest.id || `0190c0de-1111-7000-8000-${String(messageCount).padStart(12, '0')}`, conversationId, seq,
        author, authorName, text, attachments: [], highlighted: false, announcementId: null, clientMessageId: null,
        createdAt, editedAt: null, deleted: false, mentions: [], internal: false, ...rest,
    };
}

export function conversation(id, clientAccountId, clientName, lastSeq = 0) {
    return { id, clientAccountId, clientName, lastSeq, createdAt: '2026-01-01T10:00:00Z',
        lastMessageAt: lastSeq ? new Date().toISOString() : null,
        team: { assigneeId: null, assigneeName: null, status: 'OPEN' } };
}

/** A fake API with one conversation (Acme, three messages) for `me`, and the read path the chat needs. */
export function standardApi(me = OLIVIA, { messages = null, reads = [] } = {}) {
    const api = new FakeApi();
    const history = messages || [
        message({ seq: 1, text: 'Hello there' }),
        message({ seq: 2, text: 'Are the menu boards ready?' }),
        message({ seq: 3, text: 'Nearly', author: me.actor, authorName: me.displayName }),
    ];
    const acme = conversation(ACME, 'acme', 'Acme Bakery', history.length);
    api.state = { history, acme, reads };
    api.route('GET', /\/me$/, () => ({ ...me, limits: LIMITS }))
        .route('GET', /\/conversations$/, () => ({
            items: [{ conversation: api.state.acme, lastMessage: api.state.history.at(-1) || null, unreadCount: 1,
                access: 'WRITE', mentionCount: 0 }],
            nextCursor: null,
        }))
        .route('GET', new RegExp(`/conversations/${ACME}$`), () => api.state.acme)
        .route('GET', new RegExp(`/conversations/${ACME}/messages$`), request => {
            const after = request.query.after ? Number(request.query.after) : null;
            return { items: api.state.history.filter(m => after === null || m.seq > after), nextCursor: null };
        })
        .route('GET', /\/conversations\/[^/]+\/reads$/, () => ({ items: api.state.reads }))
        .route('GET', /\/conversations\/[^/]+\/participants$/, () => [
            { teamMemberId: 'aiden', displayName: 'Aiden Brooks', role: 'AGENT', access: 'WRITE' }])
        .route('POST', /\/conversations\/[^/]+\/read$/, () => undefined);
    return api;
}

/** Puts a <messaging-chat> in the page over `api` and waits until it is ready. */
export async function mountChat(page, api, attributes = {}) {
    globalThis.fetch = api.fetch;
    const chat = page.win.document.createElement('messaging-chat');
    for (const [name, value] of Object.entries(attributes)) chat.setAttribute(name, value);
    const ready = new Promise(resolve => chat.addEventListener('messaging-ready', resolve, { once: true }));
    page.win.document.body.append(chat);
    await ready;
    return chat;
}

export function key(target, name, options = {}) {
    const event = new target.ownerDocument.defaultView.KeyboardEvent('keydown',
        { key: name, bubbles: true, cancelable: true, ...options });
    target.dispatchEvent(event);
    return event;
}

export function type(textarea, text) {
    textarea.value = text;
    textarea.setSelectionRange(text.length, text.length);
    textarea.dispatchEvent(new textarea.ownerDocument.defaultView.Event('input', { bubbles: true }));
}
