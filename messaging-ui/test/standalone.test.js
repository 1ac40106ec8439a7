import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACME, ALICE, OLIVIA, installPage, key, message, standardApi, type, until } from './support.js';

let page;
before(async () => { page = await installPage(); });
after(() => page.close());

describe('elements used on their own, with a context', () => {
    test('a conversation with its composer, given a started context', async () => {
        const api = standardApi(ALICE);
        api.route('POST', /\/messages$/, request => ({ status: 201, body: message({ seq: 4, text: request.body.text,
            author: ALICE.actor, clientMessageId: request.body.clientMessageId }) }));
        globalThis.fetch = api.fetch;
        const context = await new page.ui.ChatContext({ basePath: '/api/messaging' }).start();
        const element = page.win.document.createElement('messaging-conversation');
        page.win.document.body.append(element);
        element.context = context;
        await element.open(ACME);
        assert.equal(element.querySelectorAll('#message-list .mu-message').length, 3);
        const box = element.querySelector('#composer-text');
        type(box, 'From a page of my own');
        key(box, 'Enter');
        await until(() => [...element.querySelectorAll('.mu-text')].some(n => n.textContent === 'From a page of my own'
            && !n.closest('.mu-pending')));
        element.remove();
    });

    test('an inbox tells which conversation was chosen', async () => {
        globalThis.fetch = standardApi(OLIVIA).fetch;
        const context = await new page.ui.ChatContext({}).start();
        const inbox = page.win.document.createElement('messaging-inbox');
        page.win.document.body.append(inbox);
        inbox.context = context;
        await inbox.reload();
        const chosen = new Promise(resolve => inbox.addEventListener('messaging-open', e => resolve(e.detail)));
        inbox.querySelector('.inbox-item').click();
        assert.deepEqual(await chosen, { conversationId: ACME });
        inbox.remove();
    });
});
