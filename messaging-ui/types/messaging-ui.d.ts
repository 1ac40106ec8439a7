/**
 * @clientportal/messaging-ui: TypeScript declarations of the client of the messaging REST + SSE API, its JSON
 * shapes, and the chat's custom elements (their attributes, properties and events).
 */

// ---------------------------------------------------------------------------------------------------------------
// JSON shapes (the API's record component names)

export type ActorKind = 'TEAM_MEMBER' | 'CLIENT_USER';
export type TeamRole = 'OWNER' | 'ADMIN' | 'MANAGER' | 'AGENT' | 'WATCHER';
export type Access = 'WRITE' | 'READ_ONLY';
export type TeamStatus = 'OPEN' | 'WAITING' | 'DONE';

export interface Actor { kind: ActorKind; id: string; }

/** What GET /me's limits say (optional: older servers do not send them). */
export interface Limits {
    maxTextLength: number;
    maxAttachmentBytes: number;
    maxAttachmentsPerMessage: number;
    allowedContentTypes: string[];
    editWindowSeconds: number;
}

export interface Me {
    actor: Actor;
    displayName: string;
    role?: TeamRole;
    unreadTotal: number;
    mentionTotal?: number;
    limits?: Limits;
}

export interface Attachment { id: string; filename: string; contentType: string; size: number; sha256: string; }

export interface Message {
    id: string;
    conversationId: string;
    seq: number;
    author: Actor;
    authorName: string;
    text: string;
    attachments: Attachment[];
    highlighted: boolean;
    announcementId: string | null;
    clientMessageId: string | null;
    createdAt: string;
    editedAt: string | null;
    deleted: boolean;
    mentions?: string[];
    internal?: boolean;
}

export interface TeamState {
    assigneeId: string | null; assigneeName: string | null; status: TeamStatus; changedAt?: string;
}

export interface Conversation {
    id: string;
    clientAccountId: string;
    clientName: string;
    lastSeq: number;
    createdAt: string;
    lastMessageAt: string | null;
    team?: TeamState;
}

export interface ConversationSummary {
    conversation: Conversation;
    lastMessage: Message | null;
    unreadCount: number;
    access: Access;
    mentionCount?: number;
}

export interface Page<T> { items: T[]; nextCursor: string | null; }

export interface Participant { teamMemberId: string; displayName: string; role: TeamRole; access: Access; }

/** One reader of GET /conversations/{id}/reads. A client is shown the team as one reader: kind 'TEAM', id null. */
export interface Read {
    reader: { kind: ActorKind | 'TEAM'; id: string | null }; displayName: string; seq: number; at: string;
}

export type AnnouncementStatus = 'QUEUED' | 'SENDING' | 'DELIVERED' | 'FAILED';

export interface Announcement {
    id: string;
    text: string;
    highlighted: boolean;
    status: AnnouncementStatus;
    targetCount: number;
    deliveredCount: number;
    readCount: number;
    createdAt: string;
}

export type Audience = { allClients: true } | { clientAccountIds: string[] };

export interface SearchHit { message: Message; snippet: string; highlights: { start: number; end: number }[]; }

export interface SavedReply { id: string; title: string; shortcut: string; text: string; version: number; }

/** An RFC 9457 problem detail. */
export interface Problem {
    status: number;
    title?: string;
    detail?: string;
    field?: string;
    code?: 'not_found' | 'forbidden' | 'invalid' | 'too_large' | 'unsupported_type' | 'rate_limited' | 'conflict'
        | string;
}

// ---------------------------------------------------------------------------------------------------------------
// The client

/** An answer other than 2xx; its message is the server's wording (for logs): show errorMessage(error) to people. */
export class ApiError extends Error {
    constructor(status: number, problem: Problem | null);
    readonly status: number;
    readonly problem: Problem | null;
    readonly code: string | null;
    readonly field: string | null;
}

export function csrfHeaders(): Record<string, string>;

export interface MessagingClientOptions {
    /** Where the API is served (messaging.web.base-path); default /api/messaging. */
    basePath?: string;
    /** Called on a 401, for example to send the browser to the login page. */
    onUnauthenticated?: () => void;
}

export interface InboxQuery {
    limit?: number; cursor?: string | null; unread?: boolean; assignee?: string; unassigned?: boolean;
    status?: TeamStatus; mentions?: boolean;
}

export interface NewMessage {
    text: string; attachmentIds?: string[]; clientMessageId?: string; mentions?: string[]; internal?: boolean;
}

export type ConnectionStatus = 'connecting' | 'live' | 'reconnecting';

export interface EventHandlers {
    onEvent?(type: string, data: any): void;
    onReset?(data?: unknown): void;
    onGap?(): void;
    onStatus?(status: ConnectionStatus, connects: number): void;
}

export class MessagingClient {
    constructor(options?: MessagingClientOptions);
    readonly basePath: string;
    me(): Promise<Me>;
    inbox(query?: InboxQuery): Promise<Page<ConversationSummary>>;
    conversation(id: string): Promise<Conversation>;
    search(query: { q: string; conversationId?: string; limit?: number; cursor?: string }): Promise<Page<SearchHit>>;
    history(conversationId: string, query?: { before?: number; after?: number; limit?: number }):
        Promise<Page<Message>>;
    post(conversationId: string, message: NewMessage): Promise<Message>;
    editMessage(conversationId: string, messageId: string, change: { text: string; version?: number }):
        Promise<Message>;
    deleteMessage(conversationId: string, messageId: string): Promise<null>;
    reads(conversationId: string): Promise<{ items: Read[] }>;
    markRead(conversationId: string, seq: number): Promise<null>;
    assign(conversationId: string, teamMemberId: string | null): Promise<TeamState>;
    setStatus(conversationId: string, status: TeamStatus): Promise<TeamState>;
    participants(conversationId: string): Promise<Participant[]>;
    setParticipant(conversationId: string, teamMemberId: string, access: Access): Promise<Participant>;
    removeParticipant(conversationId: string, teamMemberId: string): Promise<null>;
    upload(file: File): Promise<Attachment>;
    attachmentUrl(attachmentId: string): string;
    thumbnailUrl(attachmentId: string): string;
    announce(announcement: { audience: Audience; text: string; attachmentIds?: string[]; highlighted?: boolean }):
        Promise<Announcement>;
    announcement(id: string): Promise<Announcement>;
    savedReplies(query?: { order?: 'shortcut'; prefix?: string }): Promise<SavedReply[]>;
    createSavedReply(reply: { title: string; shortcut: string; text: string }): Promise<SavedReply>;
    updateSavedReply(id: string, reply: { title: string; shortcut: string; text: string; version: number }):
        Promise<SavedReply>;
    deleteSavedReply(id: string): Promise<null>;
    renderSavedReply(conversationId: string, id: string): Promise<{ text: string }>;
    events(handlers: EventHandlers): EventFeed;
}

/** The SSE feed, read with fetch so every reconnect resumes with Last-Event-ID. */
export class EventFeed {
    constructor(client: MessagingClient, handlers: EventHandlers);
    static IDLE_TIMEOUT_MS: number;
    lastEventId: string | null;
    connects: number;
    start(): this;
    stop(): void;
}

// ---------------------------------------------------------------------------------------------------------------
// The shared context, strings and helpers

export type ChatConnection = ConnectionStatus | 'offline';

export interface TeamMemberEntry { id: string; displayName: string; role: TeamRole; title?: string; }
export interface ClientEntry {
    id: string; name: string; kind: 'INDIVIDUAL' | 'ORGANISATION'; users?: { id: string; displayName: string }[];
}

/** The host's people, for names, candidates and the announcement's audience (team members' pages only). */
export interface Directory {
    team?(): Promise<TeamMemberEntry[]>;
    clients?(): Promise<ClientEntry[]>;
}

export interface OpenConversation {
    id: string; conversation: Conversation; access: Access; participants: Participant[];
}

export class ChatContext {
    constructor(options?: {
        client?: MessagingClient; basePath?: string; onUnauthenticated?: () => void; directory?: Directory | null;
        strings?: Partial<Strings>; teamName?: string; window?: Window;
    });
    readonly client: MessagingClient;
    readonly strings: Strings;
    me: Me | null;
    isTeam: boolean;
    canManage: boolean;
    limits: Limits | null;
    team: TeamMemberEntry[];
    clients: ClientEntry[];
    summaries: Map<string, ConversationSummary>;
    open: OpenConversation | null;
    readonly connection: ChatConnection;
    readonly online: boolean;
    start(): Promise<this>;
    startFeed(): this;
    stop(): void;
    on(type: string, listener: (detail: any) => void): () => void;
    emit(type: string, detail: unknown): void;
    notify(text: string, kind?: 'info' | 'error'): void;
    errorText(error: unknown, action?: string): string;
    requestOpen(conversationId: string): void;
    requestClose(reason?: string): void;
}

/** Every word the chat shows (English by default); functions take the numbers and names they need. */
export interface Strings { [key: string]: any; connection: Record<ChatConnection, string>; }

export const strings: Strings;

/** A person's words for an error: names limits and allowed types; never ids, enum names or server detail. */
export function errorMessage(error: unknown, options?: { action?: string; limits?: Limits | null }): string;

/** Text as text nodes and safe links (http and https only, target _blank, rel "noopener noreferrer"). */
export function linkify(text: string, doc?: Document): DocumentFragment;
export function linkParts(text: string): { text: string; href?: string }[];

export function addStylesheet(doc?: Document): void;
export function defineElements(registry?: CustomElementRegistry): void;
export const VERSION: string;

// ---------------------------------------------------------------------------------------------------------------
// The elements

/** The base of the chat's parts: they find the context of their messaging-chat, or one set on them. */
export class MessagingElement extends HTMLElement {
    context: ChatContext | null;
}

/** What the composer hands over to be sent: one clientMessageId per draft, reused on Retry. */
export interface Draft {
    clientMessageId: string; text: string; attachments: Attachment[]; mentions: string[]; internal: boolean;
}

export interface ChatEventMap {
    'messaging-ready': CustomEvent<{ me: Me }>;
    'messaging-conversation': CustomEvent<{ conversationId: string | null }>;
    'messaging-connection': CustomEvent<{ state: ChatConnection; connects: number }>;
    'messaging-unread': CustomEvent<{ unreadTotal: number }>;
    'messaging-error': CustomEvent<{ message: string }>;
    'messaging-unauthenticated': CustomEvent<void>;
    'messaging-open': CustomEvent<{ conversationId: string }>;
    'messaging-send': CustomEvent<Draft>;
    'messaging-announced': CustomEvent<{ announcement: Announcement }>;
}

/**
 * The whole chat. Attributes: base-path, login-url, url-param (default "conversation"), team-url, clients-url,
 * team-name. Set `strings` or `directory` before it is connected to replace the words or the host's directory.
 */
export class MessagingChat extends HTMLElement {
    context: ChatContext | null;
    strings: Partial<Strings> | undefined;
    directory: Directory | undefined;
    readonly urlParam: string;
    open(conversationId: string, options?: { push?: boolean; messageId?: string | null }): Promise<void>;
    close(options?: { reason?: string | null }): void;
    reloadEverything(): Promise<void>;
    addEventListener<K extends keyof ChatEventMap>(type: K,
        listener: (this: MessagingChat, event: ChatEventMap[K]) => any,
        options?: boolean | AddEventListenerOptions): void;
    addEventListener(type: string, listener: EventListenerOrEventListenerObject,
        options?: boolean | AddEventListenerOptions): void;
}

export class MessagingInbox extends MessagingElement {
    reload(): Promise<void>;
    render(): void;
}

/** One conversation; attribute conversation-id opens it when the element is used on its own (with a context). */
export class MessagingConversation extends MessagingElement {
    readonly conversationId: string | null;
    open(conversationId: string): Promise<void>;
    close(): void;
    retry(clientMessageId: string): Promise<void>;
}

export class MessagingComposer extends MessagingElement {
    /** The current draft's idempotency key (null before its first character). */
    draftId: string | null;
    submit(): void;
    showError(text: string): void;
}

export class MessagingParticipants extends MessagingElement {
    openDrawer(): void;
    closeDrawer(): void;
}

export class MessagingAnnouncementDialog extends MessagingElement {
    open(): void;
    close(): void;
    reset(): void;
}

export class MessagingSearch extends MessagingElement {
    run(text: string): Promise<void>;
    close(): void;
}

export class MessagingTeamState extends MessagingElement {}

declare global {
    interface HTMLElementTagNameMap {
        'messaging-chat': MessagingChat;
        'messaging-inbox': MessagingInbox;
        'messaging-conversation': MessagingConversation;
        'messaging-composer': MessagingComposer;
        'messaging-participants': MessagingParticipants;
        'messaging-announcement-dialog': MessagingAnnouncementDialog;
        'messaging-search': MessagingSearch;
        'messaging-team-state': MessagingTeamState;
    }
}
