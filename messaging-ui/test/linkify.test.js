import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { installPage } from './support.js';

let page;
before(async () => { page = await installPage(); });
after(() => page.close());

function render(text) {
    const box = page.win.document.createElement('p');
    box.append(page.ui.linkify(text));
    return box;
}

describe('links in message text', () => {
    test('http and https URLs become links that open in a new tab without opener or referrer', () => {
        const box = render('Plans: https://files.example/plan?id=1 and http://old.example/x.');
        const links = [...box.querySelectorAll('a')];
        assert.deepEqual(links.map(a => a.getAttribute('href')),
            ['https://files.example/plan?id=1', 'http://old.example/x']);
        for (const link of links) {
            assert.equal(link.getAttribute('target'), '_blank');
            assert.equal(link.getAttribute('rel'), 'noopener noreferrer');
        }
        assert.equal(box.textContent, 'Plans: https://files.example/plan?id=1 and http://old.example/x.');
    });

    test('no other scheme becomes a link', () => {
        const hostile = 'javascript:alert(1) data:text/html,<b>x</b> vbscript:msgbox file:///etc/passwd '
            + 'JaVaScRiPt:alert(2) https:/nohost http//missing-colon';
        const box = render(hostile);
        assert.equal(box.querySelectorAll('a').length, 0);
        assert.equal(box.textContent, hostile);
    });

    test('markup in a message is text, also inside and around a URL', () => {
        const text = '<img src=x onerror=alert(1)> https://ok.example/<script>alert(1)</script>'
            + ' "><a href=javascript:x>';
        const box = render(text);
        assert.equal(box.querySelectorAll('img, script').length, 0);
        const links = [...box.querySelectorAll('a')];
        assert.equal(links.length, 1);
        assert.equal(links[0].getAttribute('href'), 'https://ok.example/');
        assert.equal(box.textContent, text);
    });

    test('a URL with quotes or a javascript: path stays an https link to that host', () => {
        const box = render('see https://a.example/"onmouseover="alert(1) now');
        const link = box.querySelector('a');
        assert.equal(new URL(link.href).hostname, 'a.example');
        assert.equal(link.getAttribute('onmouseover'), null);
        assert.equal(box.textContent, 'see https://a.example/"onmouseover="alert(1) now');
    });

    test('sentence punctuation after a URL is not part of it', () => {
        const parts = page.ui.linkParts('(see https://x.example/a), or https://y.example!');
        assert.deepEqual(parts.filter(p => p.href).map(p => p.text), ['https://x.example/a', 'https://y.example']);
    });
});
