// Compiled by types.test.js with tsc --noEmit: what a TypeScript host writes against the declarations.
import {
    ApiError, ChatContext, MessagingClient, errorMessage, linkify, type ChatEventMap, type Message, type Read,
} from '@clientportal/messaging-ui';

const client = new MessagingClient({ basePath: '/api/messaging', onUnauthenticated: () => location.assign('/login') });

async function useTheClient(conversationId: string): Promise<string> {
    const me = await client.me();
    const max: number | undefined = me.limits?.maxTextLength;
    const sent: Message = await client.post(conversationId, { text: 'Hello', clientMessageId: crypto.randomUUID() });
    const edited: Message = await client.editMessage(conversationId, sent.id, { text: 'Hello again' });
    await client.deleteMessage(conversationId, edited.id);
    const reads: Read[] = (await client.reads(conversationId)).items;
    const names = reads.map(read => read.displayName).join(', ');
    const feed = client.events({ onEvent: (type, data) => console.log(type, data), onStatus: status => console.log(status) });
    feed.stop();
    return `${max ?? 0} ${names} ${client.thumbnailUrl('a')}`;
}

function explain(error: unknown): string {
    if (error instanceof ApiError && error.code === 'too_large') return errorMessage(error, { action: 'upload' });
    return errorMessage(error);
}

const chat = document.createElement('messaging-chat');
chat.setAttribute('base-path', '/api/messaging');
chat.directory = { team: async () => [], clients: async () => [] };
chat.addEventListener('messaging-ready', event => console.log(event.detail.me.displayName));
chat.addEventListener('messaging-unread', event => { document.title = `(${event.detail.unreadTotal})`; });
const connection: ChatEventMap['messaging-connection'] | null = null;
document.body.append(chat);

const conversation = document.createElement('messaging-conversation');
conversation.context = new ChatContext({ basePath: '/api/messaging' });
const fragment: DocumentFragment = linkify('see https://example.com');

export { useTheClient, explain, connection, fragment };
