import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { OLIVIA, installPage, key, mountChat, standardApi, type, until } from './support.js';

let page;
let chat;
before(async () => { page = await installPage(); });
afterEach(() => chat?.remove());
after(() => page.close());

const CLIENTS = [
    { id: 'acme', name: 'Acme Bakery', kind: 'ORGANISATION', users: [{ id: 'alice', displayName: 'Alice Baker' }] },
    { id: 'globex', name: 'Globex', kind: 'ORGANISATION', users: [] },
    { id: 'isabel-novak', name: 'Isabel Novak', kind: 'INDIVIDUAL',
        users: [{ id: 'isabel', displayName: 'Isabel Novak' }] },
];

async function dialog() {
    const api = standardApi(OLIVIA);
    api.route('POST', /\/announcements$/, request => ({ status: 202, body: { id: 'ann-1', text: request.body.text,
        highlighted: true, status: 'QUEUED', targetCount: request.body.audience.clientAccountIds?.length ?? 3,
        deliveredCount: 0, readCount: 0, createdAt: new Date().toISOString() } }));
    api.route('GET', /\/announcements\/ann-1$/, () => ({ id: 'ann-1', status: 'DELIVERED', targetCount: 2,
        deliveredCount: 2, readCount: 0 }));
    globalThis.fetch = api.fetch;
    const element = page.win.document.createElement('messaging-chat');
    element.directory = { team: async () => [], clients: async () => CLIENTS };
    const ready = new Promise(resolve => element.addEventListener('messaging-ready', resolve, { once: true }));
    page.win.document.body.append(element);
    await ready;
    chat = element;
    chat.querySelector('#announce-open').focus();
    chat.querySelector('#announce-open').click();
    const panel = chat.querySelector('#announce-dialog');
    assert.equal(panel.closest('.mu-modal').hidden, false);
    return { api, panel };
}

const pick = (panel, id) => panel.querySelector(`#client-options li[data-client-account-id="${id}"] input`).click();

describe('the announcement dialog', () => {
    test('chosen clients stay visible as chips while the search shows others', async () => {
        const { panel } = await dialog();
        panel.querySelector('input[name=audience][value=selected]').click();
        assert.equal(panel.querySelector('#client-picker').hidden, false);
        pick(panel, 'acme');
        pick(panel, 'isabel-novak');
        assert.equal(panel.querySelector('#client-selected-count').textContent, '2 selected');
        const search = panel.querySelector('#client-search');
        type(search, 'glob');
        const shown = [...panel.querySelectorAll('#client-options li')].map(li => li.dataset.clientAccountId);
        assert.deepEqual(shown, ['globex']);
        assert.deepEqual([...panel.querySelectorAll('#client-selected .mu-chip-name')].map(n => n.textContent),
            ['Acme Bakery', 'Isabel Novak']);
        panel.querySelector('#client-selected li[data-client-account-id="acme"] button').click();
        assert.deepEqual([...panel.querySelectorAll('#client-selected .mu-chip-name')].map(n => n.textContent),
            ['Isabel Novak']);
        assert.equal(panel.querySelector('#client-selected-count').textContent, '1 selected');
    });

    test('sending asks once more with the recipient count, then sends, then starts afresh', async () => {
        const { api, panel } = await dialog();
        panel.querySelector('input[name=audience][value=selected]').click();
        pick(panel, 'acme');
        pick(panel, 'globex');
        type(panel.querySelector('#announce-text'), 'Closed on Friday');
        panel.querySelector('#announce-send').click();
        assert.equal(panel.querySelector('#announce-confirm-step').hidden, false);
        assert.equal(panel.querySelector('#announce-confirm-text').textContent, 'Send to 2 clients?');
        assert.equal(api.callsTo('POST', /\/announcements$/).length, 0, 'nothing is sent before the confirmation');
        panel.querySelector('#announce-confirm').click();
        await until(() => panel.querySelector('#announce-progress').dataset.status === 'DELIVERED');
        assert.equal(panel.querySelector('#announce-progress-text').textContent, 'Delivered to 2 clients');
        const [post] = api.callsTo('POST', /\/announcements$/);
        assert.deepEqual(post.body.audience, { clientAccountIds: ['acme', 'globex'] });
        assert.equal(post.body.text, 'Closed on Friday');
        // A fresh form: text, choice and audience are reset; the progress of what was sent stays in sight.
        assert.equal(panel.querySelector('#announce-text').value, '');
        assert.equal(panel.querySelector('#client-selected-count').textContent, 'None selected');
        assert.equal(panel.querySelector('input[name=audience][value=all]').checked, true);
        assert.equal(panel.querySelector('#client-picker').hidden, true);
        assert.equal(panel.querySelectorAll('#client-options input:checked').length, 0);
    });

    test('to all clients, the confirmation names them all', async () => {
        const { panel } = await dialog();
        type(panel.querySelector('#announce-text'), 'Happy new year');
        panel.querySelector('#announce-send').click();
        assert.equal(panel.querySelector('#announce-confirm-text').textContent, 'Send to all 3 clients?');
        panel.querySelector('#announce-back').click();
        assert.equal(panel.querySelector('#announce-confirm-step').hidden, true);
    });

    test('Esc closes the dialog, and Tab stays inside it', async () => {
        const { panel } = await dialog();
        const controls = [...panel.querySelectorAll('button, input, textarea')].filter(n => !n.closest('[hidden]')
            && !n.disabled);
        const last = controls.at(-1);
        last.focus();
        const tab = key(last, 'Tab');
        assert.equal(tab.defaultPrevented, true);
        assert.equal(page.win.document.activeElement, controls[0]);
        key(panel.querySelector('#announce-text'), 'Escape');
        assert.equal(panel.closest('.mu-modal').hidden, true);
        assert.equal(page.win.document.activeElement, chat.querySelector('#announce-open'), 'focus goes back');
    });

    test('an empty announcement is not sent: the dialog says why', async () => {
        const { api, panel } = await dialog();
        panel.querySelector('#announce-send').click();
        assert.equal(panel.querySelector('#announce-alert').textContent, 'Write the announcement first.');
        assert.equal(panel.querySelector('#announce-confirm-step').hidden, true);
        assert.equal(api.callsTo('POST', /\/announcements$/).length, 0);
    });

    test('Shift+Tab on the checked radio button, not the first of its group, stays in the dialog', async () => {
        const { panel } = await dialog();
        const selected = panel.querySelector('input[name="audience"][value="selected"]');
        selected.click();
        selected.focus();
        assert.equal(key(selected, 'Tab', { shiftKey: true }).defaultPrevented, true);
        assert.equal(page.win.document.activeElement, panel.querySelector('#announce-send'));
        assert.equal(key(page.win.document.activeElement, 'Tab').defaultPrevented, true);
        assert.equal(page.win.document.activeElement, selected, 'Tab from the last goes to the checked radio');
    });
});

