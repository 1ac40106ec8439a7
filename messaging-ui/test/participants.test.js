import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ACME, OLIVIA, installPage, key, mountChat, standardApi, until } from './support.js';

let page;
let chat;
before(async () => { page = await installPage(); });
afterEach(() => chat?.remove());
after(() => page.close());

async function openAcme(api = standardApi(OLIVIA)) {
    chat = await mountChat(page, api);
    chat.querySelector(`.inbox-item[data-conversation-id="${ACME}"]`).click();
    await until(() => chat.querySelector('#participant-list [data-team-member-id="aiden"]'),
        { message: 'participants' });
    return api;
}

describe('participants', () => {
    test('the list shows role and access; a manager gets the options menu', async () => {
        await openAcme();
        const row = chat.querySelector('#participant-list [data-team-member-id="aiden"]');
        assert.equal(row.querySelector('.person-name').textContent, 'Aiden Brooks');
        assert.equal(row.querySelector('.access').textContent, 'Write');
        row.querySelector('button.more').click();
        const items = [...chat.querySelectorAll('#participant-menu button')].map(b => b.textContent.trim());
        assert.deepEqual(items, ['✓Write', 'Read only', 'Remove from chat']);
    });

    test('below 1100 px they open as a drawer: a modal dialog that keeps the focus and closes on Esc', async () => {
        await openAcme();
        const button = chat.querySelector('#participants-open');
        const drawer = chat.querySelector('messaging-participants');
        assert.equal(drawer.getAttribute('role'), 'complementary');
        button.focus();
        button.click();
        assert.equal(drawer.getAttribute('role'), 'dialog');
        assert.equal(drawer.getAttribute('aria-modal'), 'true');
        assert.ok(drawer.contains(page.win.document.activeElement), 'the focus moves into the drawer');
        const controls = [...drawer.querySelectorAll('button:not([disabled])')].filter(b => !b.closest('[hidden]'));
        controls.at(-1).focus();
        assert.equal(key(controls.at(-1), 'Tab').defaultPrevented, true);
        assert.equal(page.win.document.activeElement, controls[0]);
        key(controls[0], 'Escape');
        assert.equal(drawer.getAttribute('role'), 'complementary');
        assert.equal(drawer.hasAttribute('aria-modal'), false);
        assert.equal(page.win.document.activeElement, button, 'the focus goes back to the Participants button');
    });

    test('a participant removed live leaves the list', async () => {
        const api = await openAcme();
        await until(() => api.streams.length === 1);
        api.push('ParticipantRemoved', { conversationId: ACME, teamMemberId: 'aiden' });
        await until(() => !chat.querySelector('#participant-list [data-team-member-id="aiden"]'));
        assert.equal(chat.querySelector('#participant-list').textContent, 'No team members added yet.');
    });

    test('the open drawer is visible at once, so the focus can move into it (a real browser skips hidden controls)',
        () => {
            // jsdom has no transitions: read the rule. A visibility transition on opening keeps the drawer hidden
            // for its first frame, and Chromium's focus() then leaves the focus on the Participants button.
            const css = readFileSync(new URL('../src/messaging-ui.css', import.meta.url), 'utf8');
            const rule = /\.mu-participants\.mu-drawer-open\s*\{([^}]*)\}/.exec(css);
            assert.ok(rule, 'a rule for the open drawer');
            assert.match(rule[1], /visibility:\s*visible/);
            const transition = /transition:([^;]*)/.exec(rule[1]);
            assert.ok(transition, 'the open drawer names its own transition');
            assert.doesNotMatch(transition[1], /visibility/);
        });

    test('removing someone from the drawer keeps the focus in it (the button it was on is drawn afresh)', async () => {
        const api = await openAcme();
        api.route('DELETE', /\/conversations\/[^/]+\/participants\/aiden$/, () => undefined);
        const drawer = chat.querySelector('messaging-participants');
        chat.querySelector('#participants-open').click();
        chat.querySelector('#participant-list [data-team-member-id="aiden"] button.more').click();
        const remove = [...chat.querySelectorAll('#participant-menu button')]
            .find(button => button.textContent.endsWith('Remove from chat'));
        remove.focus();
        remove.click();
        await until(() => !chat.querySelector('#participant-list [data-team-member-id="aiden"]'));
        // On a control one can see: a browser drops the focus of a hidden one (the closed menu's) to the body.
        const visibleFocus = () => {
            const active = page.win.document.activeElement;
            return drawer.contains(active) && !active.closest('[hidden]');
        };
        await until(visibleFocus, { message: 'focus on a shown control in the drawer' });
        key(page.win.document.activeElement, 'Escape');
        assert.equal(drawer.getAttribute('role'), 'complementary', 'Esc still closes it');
    });
});

