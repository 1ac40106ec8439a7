import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACME, ALICE, installPage, key, message, mountChat, problem, standardApi, type, until } from './support.js';

let page;
let chat;
before(async () => { page = await installPage(); });
afterEach(() => { chat?.remove(); page.setOnline(true); });
after(() => page.close());

/** A client's chat (its one conversation opens by itself) whose POSTs wait until the test lets them through. */
async function clientChat({ answer } = {}) {
    const api = standardApi(ALICE);
    const gates = [];
    api.route('POST', /\/conversations\/[^/]+\/messages$/, request => new Promise(resolve => {
        gates.push(() => resolve(answer ? answer(request)
            : { status: 201, body: message({ seq: 4, text: request.body.text, author: ALICE.actor,
                clientMessageId: request.body.clientMessageId }) }));
    }));
    chat = await mountChat(page, api);
    await until(() => chat.querySelector('#message-list .mu-message'), { message: 'history' });
    return { api, gates, box: chat.querySelector('#composer-text') };
}

describe('the composer', () => {
    test('Enter sends, Shift+Enter does not', async () => {
        const { api, gates, box } = await clientChat();
        type(box, 'first line');
        const shifted = key(box, 'Enter', { shiftKey: true });
        assert.equal(shifted.defaultPrevented, false, 'Shift+Enter is left to the textarea: a new line');
        assert.equal(api.callsTo('POST', /\/messages$/).length, 0);
        type(box, 'first line\nsecond line');
        key(box, 'Enter');
        await until(() => api.callsTo('POST', /\/messages$/).length === 1);
        assert.equal(api.callsTo('POST', /\/messages$/)[0].body.text, 'first line\nsecond line');
        gates.forEach(open => open());
    });

    test('a message shows as "Sending…" at once, then as sent; a second Enter meanwhile posts nothing', async () => {
        const { api, gates, box } = await clientChat();
        type(box, 'Are you there?');
        key(box, 'Enter');
        key(box, 'Enter');
        const pending = await until(() => chat.querySelector('.mu-pending'));
        assert.equal(pending.querySelector('.mu-text').textContent, 'Are you there?');
        assert.equal(pending.querySelector('.mu-send-state').textContent, 'Sending…');
        assert.equal(box.value, '', 'the draft left the box');
        await until(() => gates.length === 1);
        assert.equal(api.callsTo('POST', /\/messages$/).length, 1);
        gates[0]();
        await until(() => !chat.querySelector('.mu-pending'));
        const sent = [...chat.querySelectorAll('#message-list .mu-message .mu-text')].map(node => node.textContent);
        assert.deepEqual(sent.filter(text => text === 'Are you there?'), ['Are you there?']);
    });

    test('a failed send offers Retry, which posts the same clientMessageId again', async () => {
        let attempts = 0;
        const { api, gates, box } = await clientChat({
            answer: request => (++attempts === 1 ? problem(503)
                : { status: 200, body: message({ seq: 4, text: request.body.text, author: ALICE.actor,
                    clientMessageId: request.body.clientMessageId }) }),
        });
        type(box, 'Retry me');
        key(box, 'Enter');
        await until(() => gates.length === 1);
        gates[0]();
        const failed = await until(() => chat.querySelector('.mu-pending.mu-failed'));
        assert.match(failed.textContent, /Not sent · Retry/);
        const alert = chat.querySelector('#composer-alert');
        assert.equal(alert.hidden, false);
        assert.doesNotMatch(alert.textContent, /server words|TEAM_MEMBER/);
        failed.querySelector('[data-action="retry"]').click();
        await until(() => gates.length === 2);
        gates[1]();
        await until(() => !chat.querySelector('.mu-pending'));
        const posts = api.callsTo('POST', /\/messages$/);
        assert.equal(posts.length, 2);
        assert.ok(posts[0].body.clientMessageId);
        assert.equal(posts[1].body.clientMessageId, posts[0].body.clientMessageId);
    });

    test('one draft has one clientMessageId from its first character on; the next draft a new one', async () => {
        const { api, gates, box } = await clientChat();
        type(box, 'o');
        type(box, 'one');
        key(box, 'Enter');
        await until(() => gates.length === 1);
        gates[0]();
        await until(() => !chat.querySelector('.mu-pending'));
        type(box, 'two');
        key(box, 'Enter');
        await until(() => gates.length === 2);
        gates[1]();
        const [first, second] = api.callsTo('POST', /\/messages$/).map(call => call.body.clientMessageId);
        assert.notEqual(first, second);
    });

    test('offline: the badge says so, never "Live", and a send fails into Retry without a request', async () => {
        const { api, box } = await clientChat();
        page.setOnline(false);
        const badge = chat.querySelector('#connection');
        await until(() => badge.dataset.state === 'offline');
        assert.equal(badge.textContent, 'Offline');
        type(box, 'Sent on the train');
        key(box, 'Enter');
        const failed = await until(() => chat.querySelector('.mu-pending.mu-failed'));
        assert.match(failed.textContent, /Not sent: you are offline · Retry/);
        assert.equal(api.callsTo('POST', /\/messages$/).length, 0);
        assert.notEqual(badge.textContent, 'Live');
        page.setOnline(true);
        await until(() => badge.dataset.state !== 'offline');
    });

    test('the attach button names the limits; a file over the size limit is refused before uploading', async () => {
        const { api } = await clientChat();
        assert.equal(chat.querySelector('#composer-limits').textContent, 'Files up to 10 MB: PDF, PNG, JPEG');
        const composer = chat.querySelector('messaging-composer');
        const big = new File([new Uint8Array(11 * 1024 * 1024)], 'huge.pdf', { type: 'application/pdf' });
        await composer.upload([big]);
        assert.equal(chat.querySelector('#composer-alert').textContent.replace('×', ''),
            '“huge.pdf” is 11 MB; files can be up to 10 MB.');
        assert.equal(api.callsTo('POST', /\/attachments$/).length, 0);
    });

    test('a send that gets no answer at all says the server could not be reached, and offers Retry', async () => {
        const { api, box } = await clientChat();
        // As a browser's fetch rejects when nothing answers.
        api.route('POST', /\/messages$/, () => { throw new TypeError('Failed to fetch'); });
        type(box, 'Into the void');
        key(box, 'Enter');
        const failed = await until(() => chat.querySelector('.mu-pending.mu-failed'));
        assert.match(failed.textContent, /Not sent: the server could not be reached · Retry/);
        assert.equal(chat.querySelector('#composer-alert').hidden, true, 'no error text beyond the message\'s own');
    });

    test('errors show above the composer, not over it', async () => {
        await clientChat();
        const alert = chat.querySelector('#composer-alert');
        const form = chat.querySelector('#composer');
        assert.equal(alert.parentElement, form);
        assert.ok(alert.compareDocumentPosition(form.querySelector('.mu-composer-row'))
            & page.win.Node.DOCUMENT_POSITION_FOLLOWING);
        assert.equal(alert.getAttribute('role'), 'alert');
        assert.ok(chat.querySelector('#conversation').dataset.conversationId === ACME);
    });
});
