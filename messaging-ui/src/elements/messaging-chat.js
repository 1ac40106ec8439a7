/*
 * <messaging-chat>: the whole chat in one element. A toolbar (search, connection state, "New announcement" for
 * those who may), the inbox, the open conversation and, for the team, its participants (panel or drawer). It
 * creates the ChatContext its children share, keeps the open conversation in the page's URL (?conversation=<id>,
 * Back and reload included) and follows the live feed.
 *
 * Attributes: base-path (/api/messaging), login-url (where a 401 sends the browser), url-param (conversation),
 * team-url and clients-url (the host's directory as JSON, optional), team-name (the team as clients see it).
 * Events: messaging-ready {me}, messaging-conversation {conversationId}, messaging-connection {state, connects},
 * messaging-unread {unreadTotal}, messaging-error {message}.
 */
import { ChatContext } from '../context.js';
import { el } from '../dom.js';

export class MessagingChat extends HTMLElement {
    static get observedAttributes() {
        return [];
    }

    constructor() {
        super();
        this.context = null;
        this.strings = undefined;     // a host may set its own words before the element is connected
        this.directory = undefined;   // or its own {team(), clients()} instead of team-url / clients-url
        this.started = false;
    }

    connectedCallback() {
        if (this.started) return;
        this.started = true;
        this.start();
    }

    disconnectedCallback() {
        // Moved within the page: connectedCallback follows and nothing restarts. Removed: the feed stops.
        queueMicrotask(() => {
            if (!this.isConnected) {
                this.context?.stop();
                this.ownerDocument.defaultView?.removeEventListener('popstate', this.popstate);
            }
        });
    }

    get urlParam() {
        return this.getAttribute('url-param') || 'conversation';
    }

    async start() {
        const win = this.ownerDocument.defaultView;
        const loginUrl = this.getAttribute('login-url');
        this.classList.add('mu-chat', 'mu-loading');
        this.setAttribute('aria-busy', 'true');
        const context = new ChatContext({
            basePath: this.getAttribute('base-path') || '/api/messaging',
            onUnauthenticated: () => {
                this.dispatchEvent(new CustomEvent('messaging-unauthenticated', { bubbles: true }));
                if (loginUrl) win.location.assign(loginUrl);
            },
            directory: this.directory || directoryFrom(this.getAttribute('team-url'), this.getAttribute('clients-url')),
            strings: this.strings,
            teamName: this.getAttribute('team-name') || '',
            window: win,
        });
        this.context = context;
        try {
            await context.start();
        } catch (error) {
            this.classList.remove('mu-loading');
            this.removeAttribute('aria-busy');
            const message = context.errorText(error, 'load');
            this.replaceChildren(el('p', { class: 'mu-alert mu-start-failed', role: 'alert' }, message));
            this.dispatchEvent(new CustomEvent('messaging-error', { bubbles: true, detail: { message } }));
            return;
        }
        this.#render();
        this.#wire(win);
        await this.inbox.reload();
        const wanted = new URL(win.location.href).searchParams.get(this.urlParam);
        if (!context.isTeam) {
            // A client has exactly one conversation: open it, nothing to choose.
            const mine = [...context.summaries.values()][0];
            if (mine) await this.open(mine.conversation.id, { push: false });
        } else if (wanted) {
            await this.open(wanted, { push: false });
        }
        context.startFeed();
        this.classList.remove('mu-loading');
        this.removeAttribute('aria-busy');
        this.dispatchEvent(new CustomEvent('messaging-ready', { bubbles: true, detail: { me: context.me } }));
    }

    #render() {
        const ctx = this.context;
        const s = ctx.strings;
        this.classList.toggle('mu-team', ctx.isTeam);
        this.classList.toggle('mu-client', !ctx.isTeam);
        this.dataset.view = ctx.isTeam ? 'inbox' : 'conversation';
        this.dataset.streamConnects = '0';
        this.connection = el('span', { id: 'connection', class: 'mu-connection connection', 'data-state': 'connecting',
            role: 'status' }, s.connection.connecting);
        this.announceButton = el('button', {
            id: 'announce-open', class: 'mu-btn mu-btn-primary mu-announce-open btn btn-primary', type: 'button',
            hidden: !ctx.canManage, 'aria-haspopup': 'dialog',
        }, el('span', { class: 'mu-label' }, s.newAnnouncement));
        this.search = el('messaging-search');
        this.inbox = el('messaging-inbox', { id: 'inbox' });
        this.conversation = el('messaging-conversation', { id: 'conversation' });
        this.participants = ctx.isTeam ? el('messaging-participants', { id: 'sidebar' }) : null;
        this.dialog = ctx.canManage ? el('messaging-announcement-dialog') : null;
        this.toasts = el('div', { class: 'mu-toasts toasts', id: 'toasts', role: 'status', 'aria-live': 'polite' });
        this.replaceChildren(
            el('div', { class: 'mu-toolbar' },
                this.search, el('div', { class: 'mu-toolbar-actions' }, this.connection, this.announceButton)),
            el('div', { class: 'mu-layout layout', id: 'layout' }, this.inbox, this.conversation, this.participants),
            ...[this.dialog, this.toasts].filter(Boolean));
        // A client's inbox holds its one conversation's summary (and unread count); it is not shown.
        this.inbox.hidden = !ctx.isTeam;
    }

    #wire(win) {
        const ctx = this.context;
        this.announceButton.addEventListener('click', () => this.dialog?.open());
        ctx.on('open-request', ({ conversationId, messageId }) => this.open(conversationId, { messageId }));
        ctx.on('close-request', ({ reason }) => this.close({ reason }));
        ctx.on('notice', ({ text, kind }) => this.notice(text, kind));
        ctx.on('connection', ({ state, connects }) => this.#connection(state, connects));
        ctx.on('reset', () => this.reloadEverything());
        ctx.on('feed', ({ type, data }) => {
            if (type === 'ConversationDeleted' && ctx.open?.id === data.conversationId) {
                this.close({ reason: ctx.strings.conversationDeleted, replace: true });
            }
        });
        this.popstate = () => {
            const wanted = new URL(win.location.href).searchParams.get(this.urlParam);
            if (wanted && wanted !== ctx.open?.id) this.open(wanted, { push: false });
            else if (!wanted && ctx.open && ctx.isTeam) this.close({ history: false });
        };
        win.addEventListener('popstate', this.popstate);
    }

    /** Opens a conversation (and shows a message of it, if given); the URL follows unless push is false. */
    async open(conversationId, { push = true, messageId = null } = {}) {
        const ctx = this.context;
        const win = this.ownerDocument.defaultView;
        if (ctx.open?.id !== conversationId) {
            const inUrl = new URL(win.location.href).searchParams.get(this.urlParam);
            if (ctx.isTeam && push && inUrl !== conversationId) {
                win.history.pushState({ messagingConversation: conversationId, fromInbox: !inUrl }, '',
                    urlWith(win, this.urlParam, conversationId));
            }
            this.dataset.view = 'conversation';
            try {
                await this.conversation.open(conversationId);
            } catch (error) {
                this.notice(ctx.errorText(error, 'open'), 'error');
                if (new URL(win.location.href).searchParams.get(this.urlParam) === conversationId) {
                    win.history.replaceState(null, '', urlWith(win, this.urlParam, null));
                }
                if (ctx.open?.id === conversationId) this.conversation.close();
                this.dataset.view = ctx.isTeam ? 'inbox' : 'conversation';
                return;
            }
        }
        this.dataset.view = 'conversation';
        this.dispatchEvent(new CustomEvent('messaging-conversation', { bubbles: true, detail: { conversationId } }));
        if (messageId) this.#showMessage(messageId);
    }

    #showMessage(messageId) {
        const shown = this.querySelector(`.mu-message[data-message-id="${messageId.replace(/"/g, '')}"]`);
        if (!shown) return;
        shown.scrollIntoView?.({ block: 'center' });
        shown.classList.add('search-target', 'mu-search-target');
        setTimeout(() => shown.classList.remove('search-target', 'mu-search-target'), 2500);
    }

    /**
     * Back to the inbox. When this page's history has the inbox just before the conversation, Back is the browser's
     * own (so the browser's Back button and the page's agree); else the URL loses the conversation in place.
     */
    close({ reason = null, history = true, replace = false } = {}) {
        const ctx = this.context;
        const win = this.ownerDocument.defaultView;
        if (history && ctx.isTeam) {
            if (!replace && win.history.state?.fromInbox && win.history.state?.messagingConversation === ctx.open?.id) {
                win.history.back();   // popstate closes it
                if (reason) this.notice(reason);
                return;
            }
            win.history.replaceState(null, '', urlWith(win, this.urlParam, null));
        }
        if (ctx.open) this.conversation.close();
        this.participants?.closeDrawer();
        this.dataset.view = ctx.isTeam ? 'inbox' : 'conversation';
        this.dispatchEvent(new CustomEvent('messaging-conversation',
            { bubbles: true, detail: { conversationId: null } }));
        if (reason) this.notice(reason);
        this.inbox.render();
    }

    #connection(state, connects) {
        this.connection.dataset.state = state;
        this.connection.textContent = this.context.strings.connection[state] || state;
        this.dataset.streamConnects = String(connects);
        this.dataset.connection = state;
        this.dispatchEvent(new CustomEvent('messaging-connection', { bubbles: true, detail: { state, connects } }));
    }

    /** A short notice at the top of the chat: it never covers the composer. */
    notice(text, kind = 'info') {
        const node = el('div',
            { class: `mu-toast toast toast-${kind}`, role: kind === 'error' ? 'alert' : false }, text);
        this.toasts.append(node);
        setTimeout(() => node.remove(), kind === 'error' ? 8000 : 5000);
    }

    /**
     * When the feed cannot resume (its position is older than the server keeps, or it dropped before its first
     * event): load what the chat shows afresh, without reloading the page.
     */
    async reloadEverything() {
        await this.inbox.reload();
        await this.conversation.catchUp().catch(() => {});
        if (this.context.open) await this.participants?.load();
    }
}

/** A directory from the host's two JSON endpoints (each optional). */
function directoryFrom(teamUrl, clientsUrl) {
    if (!teamUrl && !clientsUrl) return null;
    const get = async url => {
        if (!url) return [];
        const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        return response.json();
    };
    return { team: () => get(teamUrl), clients: () => get(clientsUrl) };
}

function urlWith(win, param, value) {
    const url = new URL(win.location.href);
    if (value) url.searchParams.set(param, value); else url.searchParams.delete(param);
    return url.pathname + url.search + url.hash;
}
