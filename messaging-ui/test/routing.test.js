import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ACME, GLOBEX, OLIVIA, conversation, installPage, message, mountChat, standardApi, until } from './support.js';

let page;
let chat;
before(async () => { page = await installPage('https://portal.example/messages'); });
afterEach(() => { chat?.remove(); page.win.history.replaceState(null, '', '/messages'); });
after(() => page.close());

function twoConversations() {
    const api = standardApi(OLIVIA);
    const globex = conversation(GLOBEX, 'globex', 'Globex', 1);
    api.route('GET', /\/conversations$/, () => ({ items: [
        { conversation: api.state.acme, lastMessage: api.state.history.at(-1), unreadCount: 0, access: 'WRITE' },
        { conversation: globex, lastMessage: message({ seq: 1, conversationId: GLOBEX, text: 'Hi from Globex' }),
            unreadCount: 0, access: 'WRITE' }], nextCursor: null }));
    api.route('GET', new RegExp(`/conversations/${GLOBEX}$`), () => globex);
    api.route('GET', new RegExp(`/conversations/${GLOBEX}/messages$`),
        () => ({ items: [message({ seq: 1, conversationId: GLOBEX, text: 'Hi from Globex' })], nextCursor: null }));
    return api;
}

const param = () => new URL(page.win.location.href).searchParams.get('conversation');
const openId = () => chat.querySelector('#conversation').dataset.conversationId;

describe('per-conversation URLs', () => {
    test('opening a conversation puts it in the URL; Back returns to the inbox', async () => {
        chat = await mountChat(page, twoConversations());
        assert.equal(chat.dataset.view, 'inbox');
        chat.querySelector(`.inbox-item[data-conversation-id="${ACME}"]`).click();
        await until(() => openId() === ACME);
        assert.equal(param(), ACME);
        assert.equal(chat.dataset.view, 'conversation');
        chat.querySelector('#conversation-back').click();
        // The page's Back is the browser's: history.back() then popstate.
        await until(() => param() === null);
        page.win.dispatchEvent(new page.win.PopStateEvent('popstate', { state: null }));
        await until(() => openId() === undefined);
        assert.equal(chat.dataset.view, 'inbox');
    });

    test('the browser\'s Back and Forward follow the conversations opened', async () => {
        chat = await mountChat(page, twoConversations());
        chat.querySelector(`.inbox-item[data-conversation-id="${ACME}"]`).click();
        await until(() => openId() === ACME);
        chat.querySelector(`.inbox-item[data-conversation-id="${GLOBEX}"]`).click();
        await until(() => openId() === GLOBEX);
        assert.equal(param(), GLOBEX);
        page.win.history.replaceState(page.win.history.state, '', `/messages?conversation=${ACME}`);
        page.win.dispatchEvent(new page.win.PopStateEvent('popstate', { state: null }));
        await until(() => openId() === ACME);
        page.win.history.replaceState(null, '', '/messages');
        page.win.dispatchEvent(new page.win.PopStateEvent('popstate', { state: null }));
        await until(() => openId() === undefined);
    });

    test('a reload with ?conversation= opens it', async () => {
        page.win.history.replaceState(null, '', `/messages?conversation=${GLOBEX}`);
        chat = await mountChat(page, twoConversations());
        assert.equal(openId(), GLOBEX);
        await until(() => chat.querySelector('#message-list .mu-text')?.textContent === 'Hi from Globex');
    });

    test('a conversation the URL names but the server does not show leaves the inbox and a notice', async () => {
        const missing = '0190c0de-0000-7000-8000-0000000000ff';
        page.win.history.replaceState(null, '', `/messages?conversation=${missing}`);
        chat = await mountChat(page, twoConversations());
        assert.equal(openId(), undefined);
        assert.equal(param(), null);
        assert.match(chat.querySelector('.mu-toast').textContent, /not available/);
        assert.doesNotMatch(chat.querySelector('.mu-toast').textContent, new RegExp(missing));
    });

    test('url-param names the parameter', async () => {
        chat = await mountChat(page, twoConversations(), { 'url-param': 'chat' });
        chat.querySelector(`.inbox-item[data-conversation-id="${ACME}"]`).click();
        await until(() => openId() === ACME);
        assert.equal(new URL(page.win.location.href).searchParams.get('chat'), ACME);
        assert.equal(param(), null);
    });
});
