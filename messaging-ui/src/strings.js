/*
 * Every word the chat shows, in English, in one place; a host can pass its own (same keys) through the
 * messaging-chat element's `strings` property. Errors are told in people's words: they name limits and allowed
 * types, and never show ids, enum names or the server's own detail text.
 */

const TYPE_NAMES = {
    'application/pdf': 'PDF', 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/gif': 'GIF', 'image/webp': 'WebP',
    'text/plain': 'text', 'text/csv': 'CSV', 'application/zip': 'ZIP',
    'application/msword': 'Word', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
    'application/vnd.ms-excel': 'Excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
    'application/vnd.ms-powerpoint': 'PowerPoint',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
};

/** "PDF", "PNG" ... for content types; one name once, in the order given. */
export function typeNames(contentTypes = []) {
    const names = contentTypes.map(type => TYPE_NAMES[type] || (type.split('/')[1] || type).toUpperCase());
    return [...new Set(names)];
}

/** 10 MB, 512 KB, 900 bytes. */
export function sizeName(bytes) {
    if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MB`;
    if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
    return `${bytes} bytes`;
}

const number = n => Number(n).toLocaleString('en');
const plural = (n, one, many) => `${number(n)} ${n === 1 ? one : many}`;

export const strings = {
    connection: { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', offline: 'Offline' },
    search: 'Search messages',
    newAnnouncement: 'New announcement',
    participants: 'Participants',
    inbox: 'Inbox',
    filterAll: 'All', filterUnread: 'Unread', filterMentions: '@ Mentions',
    assignmentAll: 'All', assignmentMine: 'Mine', assignmentUnassigned: 'Unassigned',
    anyStatus: 'Any status', statusNames: { OPEN: 'Open', WAITING: 'Waiting', DONE: 'Done' },
    statusLongNames: { OPEN: 'Open', WAITING: 'Waiting on client', DONE: 'Done' },
    roleNames: { OWNER: 'Owner', ADMIN: 'Admin', MANAGER: 'Manager', AGENT: 'Agent', WATCHER: 'Watcher' },
    caughtUp: 'You are all caught up.',
    noConversations: 'No conversations yet.',
    noMessagesYet: 'No messages yet',
    loading: 'Loading…',
    pickConversation: 'Pick a conversation from the inbox.',
    back: 'Back to the inbox',
    beginning: 'This is the beginning of the conversation.',
    loadingEarlier: 'Loading earlier messages…',
    you: 'You',
    deleted: 'Message deleted',
    edited: '(edited)',
    edit: 'Edit', delete: 'Delete', reallyDelete: 'Delete for everyone?', save: 'Save', cancel: 'Cancel',
    editLabel: 'Edit your message',
    sending: 'Sending…',
    notSent: 'Not sent',
    notSentOffline: 'Not sent: you are offline',
    notSentNetwork: 'Not sent: the server could not be reached',
    retry: 'Retry',
    discard: 'Discard',
    seenBy: names => `Seen by ${names.join(', ')}`,
    announcement: 'Announcement', highlighted: 'Highlighted', internalNote: 'Internal note',
    attachment: name => `Attachment: ${name}`,
    attach: 'Attach files',
    attachHint: limits => {
        if (!limits) return '';
        const size = limits.maxAttachmentBytes ? `Files up to ${sizeName(limits.maxAttachmentBytes)}` : 'Files';
        const types = typeNames(limits.allowedContentTypes || []);
        return types.length ? `${size}: ${types.join(', ')}` : size;
    },
    message: 'Message',
    writeMessage: 'Write a message…', writeNote: 'Write an internal note…', readOnly: 'Read only',
    send: 'Send',
    reply: 'Reply', notesOnlyTeam: 'Only your team sees notes', sendAs: 'Send as',
    watcherLocked: 'You are a watcher: you can read this conversation but not write in it.',
    readOnlyLocked: 'You have read-only access to this conversation. A manager can give you write access.',
    waitForUploads: 'Please wait until the attachments are uploaded.',
    uploading: 'uploading…', uploadFailed: 'failed', removeAttachment: 'Remove attachment',
    teamSubtitle: team => `Messages with the ${team} team`,
    organisation: users => `Organisation · ${plural(users, 'client user', 'client users')}`,
    individual: 'Individual client',
    assignee: 'Assignee', status: 'Status', unassigned: 'Unassigned',
    teamTag: (status, first) => (first ? `${status} · ${first}` : status),
    addParticipants: 'Add participants', addHint: 'Team members you add see this conversation from now on.',
    add: 'Add', close: 'Close',
    client: 'Client',
    noParticipants: 'No team members added yet.',
    noClientUsers: 'No client users have signed up yet.',
    everyoneHere: 'Everyone on the team is already here.',
    accessWrite: 'Write', accessReadOnly: 'Read only', accessRead: 'Read',
    watchersOnlyRead: 'Watchers can only read.',
    removeFromChat: 'Remove from chat',
    optionsFor: name => `Options for ${name}`,
    accessFor: name => `Access for ${name}`,
    announceHint: "One message, delivered into each client's conversation.",
    sendTo: 'Send to', allClients: 'All clients', selectedClients: 'Selected clients and organisations',
    searchClients: 'Search clients', noneSelected: 'None selected', selectedCount: n => `${n} selected`,
    removeClient: name => `Remove ${name}`,
    announceText: 'What would you like to tell your clients?',
    highlightInChat: 'Highlight in the chat',
    sendAnnouncement: 'Send announcement',
    confirmSendAll: 'Send to all clients?',
    confirmSend: (all, n) => `Send to ${all ? 'all ' : ''}${plural(n, 'client', 'clients')}?`,
    yesSend: 'Yes, send', goBack: 'Back',
    writeAnnouncementFirst: 'Write the announcement first.',
    pickClient: 'Pick at least one client.',
    delivered: n => `Delivered to ${plural(n, 'client', 'clients')}`,
    deliveryFailed: (n, target) => `Delivery failed after ${number(n)} of ${number(target)}`,
    delivering: (n, target) => `Delivering… ${number(n)} of ${number(target)}`,
    searching: 'Searching…', searchRefused: 'Type a word or two to search for.',
    searchFailed: 'Search failed; try again.',
    noHits: 'No messages found.',
    hits: (n, more) => `${n}${more ? '+' : ''} message${n === 1 && !more ? '' : 's'} found`,
    moreResults: 'More results',
    conversation: 'Conversation',
    addedToConversation: 'You were added to a conversation.',
    mentioned: 'You were mentioned in a conversation.',
    removedFrom: name => `You were removed from the conversation with ${name}.`,
    thisClient: 'this client',
    conversationDeleted: 'This conversation was deleted.',
    mentionTeamMember: 'Mention a team member',
    unreadCount: n => `${n} unread`,
    mentionCount: n => `${n} unread mention${n > 1 ? 's' : ''}`,
    messagesFrom: name => `New message from ${name}`,
    dismiss: 'Dismiss',
};

/** The field names the API may put in a problem, in people's words. */
const FIELD_NAMES = {
    text: 'the message', attachmentIds: 'the attachments', file: 'the file', mentions: 'the mentions',
    seq: 'the read position', access: 'the access', audience: 'the recipients', title: 'the title',
    shortcut: 'the shortcut', q: 'the search', status: 'the status', teamMemberId: 'the team member',
    version: 'the version', clientMessageId: 'the message',
};

/**
 * What to tell a person about an error, in their words.
 *
 * @param error   an ApiError (status, problem.code, problem.field), a TypeError from fetch (offline), or anything
 * @param action  what was tried: 'send', 'edit', 'delete', 'upload', 'announce', 'participants', 'load', ...
 * @param limits  GET /me's limits, if the server gives them: named in the message where they apply
 */
export function errorMessage(error, { action = 'load', limits = null } = {}) {
    const status = error && typeof error.status === 'number' ? error.status : null;
    if (status === null) {
        const offline = globalThis.navigator && globalThis.navigator.onLine === false;
        return offline ? 'You are offline. It will work again once you are back online.'
            : 'The server could not be reached. Check your connection and try again.';
    }
    const problem = error.problem || {};
    const code = problem.code || codeOf(status);
    const field = problem.field || null;
    switch (code) {
        case 'unauthenticated':
            return 'Your session has ended. Please sign in again.';
        case 'forbidden':
            if (action === 'send') return 'You cannot write in this conversation.';
            if (action === 'edit') return 'This message can no longer be edited.';
            if (action === 'delete') return 'This message can no longer be deleted.';
            if (action === 'announce') return 'Only owners, admins and managers can send announcements.';
            if (action === 'participants') return 'Only owners, admins and managers can change participants.';
            return 'You are not allowed to do that.';
        case 'not_found':
            if (action === 'edit' || action === 'delete') return 'That message no longer exists.';
            if (action === 'upload' || field === 'attachmentIds') return 'That attachment is no longer available.';
            return 'This conversation is not available (any more).';
        case 'too_large':
            return tooLarge(field, action, limits);
        case 'unsupported_type': {
            const types = typeNames(limits?.allowedContentTypes || []);
            return types.length ? `This type of file cannot be sent. Allowed are ${types.join(', ')}.`
                : 'This type of file cannot be sent.';
        }
        case 'rate_limited':
            return 'That was a lot at once. Please wait a moment and try again.';
        case 'conflict':
            if (action === 'edit') return 'This message was changed meanwhile. Please look at it again.';
            return 'This was changed meanwhile. Please try again.';
        case 'invalid':
            return invalid(field, action, limits);
        default:
            return status >= 500 ? 'Something went wrong on the server. Please try again in a moment.'
                : 'That did not work. Please try again.';
    }
}

function codeOf(status) {
    return { 400: 'invalid', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict',
        413: 'too_large', 415: 'unsupported_type', 422: 'invalid', 429: 'rate_limited' }[status] || null;
}

function tooLarge(field, action, limits) {
    if (field === 'text' && limits?.maxTextLength) {
        return `Messages can be up to ${number(limits.maxTextLength)} characters.`;
    }
    if (field === 'attachmentIds' && limits?.maxAttachmentsPerMessage) {
        return `A message can have up to ${plural(limits.maxAttachmentsPerMessage, 'attachment', 'attachments')}.`;
    }
    if (action === 'upload' || field === 'file') {
        return limits?.maxAttachmentBytes ? `Files can be up to ${sizeName(limits.maxAttachmentBytes)}.`
            : 'This file is too large.';
    }
    return 'That is too long.';
}

function invalid(field, action, limits) {
    if (field === 'text') {
        return limits?.maxTextLength
            ? `Please check the message: it can be up to ${number(limits.maxTextLength)} characters and not empty.`
            : 'Please check the message: it may be empty or too long.';
    }
    if (field === 'attachmentIds' && limits?.maxAttachmentsPerMessage) {
        return `A message can have up to ${plural(limits.maxAttachmentsPerMessage, 'attachment', 'attachments')}.`;
    }
    if (field && FIELD_NAMES[field]) return `Please check ${FIELD_NAMES[field]}.`;
    if (action === 'search') return strings.searchRefused;
    return 'Something in that was not accepted. Please check it and try again.';
}

/** A file the limits refuse before it is uploaded, or null. */
export function fileProblem(file, limits) {
    if (limits?.maxAttachmentBytes && file.size > limits.maxAttachmentBytes) {
        return `“${file.name}” is ${sizeName(file.size)}; files can be up to ${sizeName(limits.maxAttachmentBytes)}.`;
    }
    return null;
}
