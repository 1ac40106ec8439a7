/*
 * The one object the chat's elements share: the API client, who is signed in (GET /me) and their limits, the
 * host's directory (team and clients, optional), the live event feed and its connection state, the strings, and
 * the open conversation. messaging-chat creates it; every other element finds it through closest('messaging-chat')
 * or is given one (element.context = ...) to be used on its own. Nothing of it is global.
 */
import { MessagingClient } from './messaging-client.js';
import { errorMessage, strings as englishStrings } from './strings.js';

export const MANAGING_ROLES = ['OWNER', 'ADMIN', 'MANAGER'];

export class ChatContext {
    #listeners = new Map();   // type -> Set of listeners

    /**
     * @param client     a MessagingClient (or one is made for basePath)
     * @param directory  {team(): Promise<TeamMember[]>, clients(): Promise<ClientAccount[]>}, the host's people
     * @param strings    words to show (strings.js's keys); English by default
     * @param teamName   the host's name for its team, as clients see it ("Northwind Studio")
     * @param window     the window to follow (online/offline, visibility); the global one by default
     */
    constructor({ client, basePath = '/api/messaging', onUnauthenticated, directory = null,
        strings = englishStrings, teamName = '', window: win = globalThis.window } = {}) {
        this.client = client || new MessagingClient({ basePath, onUnauthenticated });
        this.directory = directory;
        this.strings = { ...englishStrings, ...strings };
        this.teamName = teamName;
        this.window = win;
        this.me = null;
        this.isTeam = false;
        this.canManage = false;
        this.limits = null;
        this.team = [];
        this.clients = [];
        this.names = new Map();          // "KIND:id" -> display name
        this.summaries = new Map();      // conversation id -> ConversationSummary, the inbox's
        this.open = null;                // {id, conversation, access, participants} of the open conversation
        this.feed = null;
        this.feedState = 'connecting';
        this.connects = 0;
    }

    /** Loads who is signed in and the host's directory. */
    async start() {
        this.me = await this.client.me();
        this.isTeam = this.me.actor.kind === 'TEAM_MEMBER';
        this.canManage = this.isTeam && MANAGING_ROLES.includes(this.me.role);
        this.limits = this.me.limits || null;
        this.names.set(key(this.me.actor), this.me.displayName);
        if (this.isTeam && this.directory) {
            const { team: teamOf, clients: clientsOf } = this.directory;
            const [team, clients] = await Promise.all([teamOf ? teamOf() : [], clientsOf ? clientsOf() : []]);
            this.team = team || [];
            this.clients = clients || [];
            this.team.forEach(member => this.names.set(`TEAM_MEMBER:${member.id}`, member.displayName));
        }
        return this;
    }

    /** Starts the live feed: its events come as 'feed' events ({type, data}); a lost position as 'reset'. */
    startFeed() {
        this.feed = this.client.events({
            onEvent: (type, data) => this.emit('feed', { type, data }),
            onReset: () => this.emit('reset', {}),
            onGap: () => this.emit('reset', {}),
            onStatus: (status, connects) => {
                this.feedState = status;
                this.connects = connects;
                this.#connectionChanged();
            },
        });
        const win = this.window;
        if (win) {
            this.onlineListener = () => this.#connectionChanged();
            win.addEventListener('online', this.onlineListener);
            win.addEventListener('offline', this.onlineListener);
        }
        this.feed.start();
        return this;
    }

    stop() {
        this.feed?.stop();
        if (this.window && this.onlineListener) {
            this.window.removeEventListener('online', this.onlineListener);
            this.window.removeEventListener('offline', this.onlineListener);
        }
    }

    /** 'offline' (the browser says so), else the feed's: 'connecting', 'live' or 'reconnecting'; never live offline. */
    get connection() {
        if (this.window?.navigator && this.window.navigator.onLine === false) return 'offline';
        return this.feedState;
    }

    /** Whether a send now can reach the server at all, as far as the page knows. */
    get online() {
        return this.connection !== 'offline';
    }

    #connectionChanged() {
        this.emit('connection', { state: this.connection, connects: this.connects });
    }

    /** Tells every listener of `type` (in the order they started listening); one failing stops no other. */
    emit(type, detail) {
        for (const listener of [...(this.#listeners.get(type) || [])]) {
            try {
                listener(detail);
            } catch (error) {
                console.error(`messaging-ui: a '${type}' listener failed`, error);
            }
        }
    }

    /** Listens to one of the context's events; returns the function that stops listening. */
    on(type, listener) {
        if (!this.#listeners.has(type)) this.#listeners.set(type, new Set());
        this.#listeners.get(type).add(listener);
        return () => this.#listeners.get(type)?.delete(listener);
    }

    isMine(message) {
        return !!this.me && key(message.author) === key(this.me.actor);
    }

    /** A person's words for an error (see strings.js's errorMessage). */
    errorText(error, action) {
        if (!(error && typeof error.status === 'number')) console.error(error);
        return errorMessage(error, { action, limits: this.limits });
    }

    /** A short notice shown where it covers nothing important. */
    notify(text, kind = 'info') {
        this.emit('notice', { text, kind });
    }

    /** Asks the chat to open a conversation (it routes: URL, panes). */
    requestOpen(conversationId) {
        this.emit('open-request', { conversationId });
    }

    /** Asks the chat to close the open conversation (back to the inbox). */
    requestClose(reason) {
        this.emit('close-request', { reason });
    }

    /** The open conversation's participants changed (loaded, added, removed, access). */
    participantsChanged() {
        this.emit('participants', { open: this.open });
    }

    /** A team member may be named in a mention or assigned: owners, admins, managers and the participants. */
    visibleTeam() {
        const byId = new Map();
        this.team.filter(member => MANAGING_ROLES.includes(member.role)).forEach(member => byId.set(member.id, member));
        for (const p of this.open?.participants || []) {
            byId.set(p.teamMemberId, this.team.find(m => m.id === p.teamMemberId)
                || { id: p.teamMemberId, displayName: p.displayName, role: p.role });
        }
        return [...byId.values()].sort((a, b) => a.displayName.localeCompare(b.displayName));
    }
}

/** "KIND:id", the key of an actor. */
export function key(actor) {
    return `${actor.kind}:${actor.id}`;
}
