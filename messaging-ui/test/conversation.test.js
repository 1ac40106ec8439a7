import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
    ACME, AIDEN, ALICE, OLIVIA, installPage, key, message, mountChat, standardApi, type, until,
} from './support.js';

let page;
let chat;
before(async () => { page = await installPage(); });
afterEach(() => chat?.remove());
after(() => page.close());

async function open(api) {
    chat = await mountChat(page, api, { 'team-name': 'Northwind Studio' });
    if (!chat.context.open) chat.querySelector(`.inbox-item[data-conversation-id="${ACME}"]`).click();
    await until(() => chat.querySelectorAll('#message-list .mu-message').length >= 3, { message: 'history' });
    return chat;
}

const node = seq => chat.querySelector(`#message-list [data-seq="${seq}"]`);
const preview = () => chat.querySelector('.inbox-item .inbox-preview').textContent;

describe('messages', () => {
    test('an edited message is marked "(edited)", a deleted one is a tombstone', async () => {
        const api = standardApi(OLIVIA, { messages: [
            message({ seq: 1, text: 'original' }),
            message({ seq: 2, text: 'changed', editedAt: new Date().toISOString() }),
            message({ seq: 3, text: '', deleted: true }),
        ] });
        await open(api);
        assert.equal(node(1).querySelector('.mu-edited'), null);
        assert.equal(node(2).querySelector('.mu-edited').textContent, '(edited)');
        assert.equal(node(3).classList.contains('deleted'), true);
        assert.equal(node(3).querySelector('.mu-text').textContent, 'Message deleted');
        assert.equal(node(3).querySelector('[data-action]'), null, 'a tombstone offers no edit or delete');
    });

    test('my message: Edit saves the new text with PATCH (Enter), Esc cancels', async () => {
        const api = standardApi(AIDEN);
        api.route('PATCH', /\/messages\/[^/]+$/, request => ({ ...api.state.history[2], text: request.body.text,
            editedAt: new Date().toISOString() }));
        await open(api);
        assert.equal(node(1).querySelector('[data-action="edit"]'), null, 'no Edit on someone else\'s message');
        node(3).querySelector('[data-action="edit"]').click();
        let box = node(3).querySelector('.mu-edit-text');
        assert.equal(box.value, 'Nearly');
        key(box, 'Escape');
        assert.equal(node(3).querySelector('.mu-edit-text'), null);
        assert.equal(node(3).querySelector('.mu-text').textContent, 'Nearly');
        node(3).querySelector('[data-action="edit"]').click();
        box = node(3).querySelector('.mu-edit-text');
        type(box, 'Ready tomorrow');
        key(box, 'Enter');
        await until(() => node(3).querySelector('.mu-edited'));
        assert.equal(node(3).querySelector('.mu-text').textContent, 'Ready tomorrow');
        const [patch] = api.callsTo('PATCH', /\/messages\//);
        assert.equal(patch.path, `/api/messaging/conversations/${ACME}/messages/${api.state.history[2].id}`);
        assert.deepEqual(patch.body, { text: 'Ready tomorrow' });
        assert.equal(preview(), 'You: Ready tomorrow', 'the inbox preview follows my edit');
    });

    test('Delete asks once more, then leaves a tombstone', async () => {
        const api = standardApi(AIDEN);
        api.route('DELETE', /\/messages\/[^/]+$/, () => undefined);
        await open(api);
        node(3).querySelector('[data-action="delete"]').click();
        assert.equal(api.callsTo('DELETE', /\/messages\//).length, 0);
        const confirm = node(3).querySelector('[data-action="delete"]');
        assert.equal(confirm.textContent, 'Delete for everyone?');
        confirm.click();
        await until(() => node(3).classList.contains('deleted'));
        assert.equal(node(3).querySelector('.mu-text').textContent, 'Message deleted');
        assert.equal(api.callsTo('DELETE', /\/messages\//).length, 1);
    });

    test('past the edit window an agent has no Edit; an owner may delete others\' messages', async () => {
        const old = new Date(Date.now() - 3600 * 1000).toISOString();
        const api = standardApi(AIDEN, { messages: [message({ seq: 1 }), message({ seq: 2 }),
            message({ seq: 3, author: AIDEN.actor, authorName: 'Aiden Brooks', createdAt: old })] });
        await open(api);
        assert.equal(node(3).querySelector('[data-action]'), null);
        chat.remove();
        await open(standardApi(OLIVIA));
        assert.ok(node(1).querySelector('[data-action="delete"]'));
        assert.equal(node(1).querySelector('[data-action="edit"]'), null);
    });

    test('links in messages are safe links; markup stays text', async () => {
        const api = standardApi(OLIVIA, { messages: [message({ seq: 1, text: 'see https://x.example/a <b>bold</b>' }),
            message({ seq: 2, text: 'javascript:alert(1)' }), message({ seq: 3 })] });
        await open(api);
        const link = node(1).querySelector('a.mu-link');
        assert.equal(link.getAttribute('href'), 'https://x.example/a');
        assert.equal(link.getAttribute('rel'), 'noopener noreferrer');
        assert.equal(node(1).querySelector('b'), null);
        assert.equal(node(2).querySelector('a'), null);
    });

    test('images show a thumbnail from the thumbnail endpoint; other files a download chip', async () => {
        const image = { id: 'img-1', filename: 'logo.png', contentType: 'image/png', size: 2048, sha256: 'x' };
        const pdf = { id: 'pdf-1', filename: 'plan.pdf', contentType: 'application/pdf', size: 4096, sha256: 'y' };
        const api = standardApi(OLIVIA, { messages: [message({ seq: 1, attachments: [image, pdf] }),
            message({ seq: 2 }), message({ seq: 3 })] });
        await open(api);
        const [first, second] = node(1).querySelectorAll('a.attachment');
        assert.equal(first.querySelector('img').getAttribute('src'), '/api/messaging/attachments/img-1/thumbnail');
        assert.equal(first.getAttribute('href'), '/api/messaging/attachments/img-1');
        assert.equal(second.querySelector('img'), null);
        assert.equal(second.querySelector('.file-icon').textContent, 'PDF');
        first.querySelector('img').dispatchEvent(new page.win.Event('error'));
        assert.equal(first.querySelector('img'), null, 'a thumbnail that fails falls back to the file chip');
    });
});

describe('live edits and deletes', () => {
    test('the inbox preview and the message follow MessageEdited and MessageDeleted', async () => {
        const api = standardApi(OLIVIA, { messages: [message({ seq: 1 }), message({ seq: 2 }),
            message({ seq: 3, text: 'Last words' })] });
        await open(api);
        await until(() => api.streams.length === 1, { message: 'the event stream' });
        assert.equal(preview(), 'Alice Baker: Last words');
        const last = api.state.history[2];
        api.push('MessageEdited', { conversationId: ACME, message: { ...last, text: 'Better words',
            editedAt: new Date().toISOString() } });
        await until(() => preview() === 'Alice Baker: Better words');
        await until(() => node(3).querySelector('.mu-edited'));
        api.push('MessageDeleted', { conversationId: ACME, messageId: last.id, seq: 3 });
        await until(() => preview() === 'Message deleted');
        await until(() => node(3).classList.contains('deleted'));
    });

    test('after a reload the preview is the server\'s summary (a deleted last message)', async () => {
        const api = standardApi(OLIVIA, { messages: [message({ seq: 1 }), message({ seq: 2 }),
            message({ seq: 3, text: '', deleted: true })] });
        await open(api);
        assert.equal(preview(), 'Message deleted');
    });
});

describe('read receipts', () => {
    test('"Seen by" names each reader under the newest message they read, from the reads of the API', async () => {
        const at = '2026-01-01T10:00:00Z';
        const reads = [
            { reader: { kind: 'CLIENT_USER', id: 'alice' }, displayName: 'Alice Baker', seq: 3, at },
            { reader: { kind: 'TEAM_MEMBER', id: 'aiden' }, displayName: 'Aiden Brooks', seq: 2, at },
            { reader: { kind: 'TEAM_MEMBER', id: 'olivia' }, displayName: 'Olivia Hart', seq: 3, at },
        ];
        await open(standardApi(OLIVIA, { reads }));
        await until(() => !node(3).querySelector('.receipt').hidden);
        assert.equal(node(3).querySelector('.receipt').textContent, 'Seen by Alice Baker');
        assert.equal(node(2).querySelector('.receipt').textContent, 'Seen by Aiden Brooks');
        assert.equal(node(1).querySelector('.receipt').hidden, true);
    });

    test('a client sees the team as one reader, under the name the server gives', async () => {
        const reads = [{ reader: { kind: 'TEAM', id: null }, displayName: 'Northwind team', seq: 3,
            at: '2026-01-01T10:00:00Z' }];
        const api = standardApi(ALICE, { reads, messages: [message({ seq: 1 }),
            message({ seq: 2, author: AIDEN.actor, authorName: 'Aiden Brooks' }), message({ seq: 3 })] });
        await open(api);
        await until(() => !node(3).querySelector('.receipt').hidden);
        assert.equal(node(3).querySelector('.receipt').textContent, 'Seen by Northwind team');
        assert.equal(chat.querySelectorAll('.receipt:not([hidden])').length, 1);
    });

    test('a ConversationRead event refetches the reads', async () => {
        const api = standardApi(OLIVIA);
        await open(api);
        await until(() => api.streams.length === 1);
        const before = api.callsTo('GET', /\/reads$/).length;
        api.state.reads = [{ reader: { kind: 'CLIENT_USER', id: 'alice' }, displayName: 'Alice Baker', seq: 3,
            at: '2026-01-01T10:00:00Z' }];
        api.push('ConversationRead', { conversationId: ACME, reader: { kind: 'CLIENT_USER', id: 'alice' }, seq: 3 });
        await until(() => node(3).querySelector('.receipt').textContent === 'Seen by Alice Baker');
        await until(() => api.callsTo('GET', /\/reads$/).length > before);
    });
});
