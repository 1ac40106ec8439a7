import { after, afterEach, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { ACME, ALICE, OLIVIA, installPage, keepAlive, mountChat, standardApi, until } from './support.js';

// axe-core in the jsdom page. jsdom does no layout, so colour contrast is checked in the demo's browser tests;
// everything else axe knows (names, roles, labels, ARIA) is checked here on every screen of the chat.
const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let page;
let chat;
before(async () => {
    page = await installPage();
    page.win.eval(AXE);
});
afterEach(() => chat?.remove());
after(() => page.close());

async function seriousViolations() {
    const results = await keepAlive(page.win.axe.run(page.win.document, {
        rules: { 'color-contrast': { enabled: false }, region: { enabled: false } },
        resultTypes: ['violations'],
    }));
    // Spread: the page's arrays come from another realm.
    return [...results.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => `${v.id}: ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)];
}

describe('accessibility (axe-core, no serious or critical violation)', () => {
    test('the team\'s inbox, conversation and participants', async () => {
        chat = await mountChat(page, standardApi(OLIVIA));
        assert.deepEqual(await seriousViolations(), []);
        chat.querySelector(`.inbox-item[data-conversation-id="${ACME}"]`).click();
        await until(() => chat.querySelector('#participant-list [data-team-member-id="aiden"]'));
        assert.deepEqual(await seriousViolations(), []);
        chat.querySelector('#participants-open').click();
        assert.deepEqual(await seriousViolations(), []);
    });

    test('the announcement dialog', async () => {
        chat = await mountChat(page, standardApi(OLIVIA));
        chat.querySelector('#announce-open').click();
        chat.querySelector('#announce-dialog input[name=audience][value=selected]').click();
        assert.deepEqual(await seriousViolations(), []);
    });

    test('a client\'s conversation', async () => {
        chat = await mountChat(page, standardApi(ALICE));
        await until(() => chat.querySelector('#message-list .mu-message'));
        assert.deepEqual(await seriousViolations(), []);
    });
});
