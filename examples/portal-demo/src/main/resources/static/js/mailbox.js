/*
 * The demo's Mailbox page: the signed-in person's mails from the demo mail server, read as plain text (never as
 * markup: textContent only), and a reply form that sends through SMTP to the mail's Reply-To.
 */
import { el } from '/messaging-ui/dom.js';
import { csrfHeaders } from '/messaging-ui/messaging-client.js';

const list = document.getElementById('mailbox-list');
const empty = document.getElementById('mailbox-empty');
const reader = document.getElementById('mailbox-reader');
const form = document.getElementById('mailbox-reply');
const status = document.getElementById('reply-status');
let mails = [];
let openId = null;

async function getJson(path) {
    const response = await fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json',
        'X-Requested-With': 'fetch' } });
    if (response.status === 401) {
        window.location.assign('/login');
        throw new Error('signed out');
    }
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
}

function renderList() {
    list.replaceChildren(...mails.map(mail => el('li', {},
        el('button', { type: 'button', class: 'mailbox-item', 'data-mail-id': mail.id,
                'aria-current': mail.id === openId ? 'true' : false },
            el('span', { class: 'mailbox-item-subject' }, mail.subject),
            el('span', { class: 'mailbox-item-meta muted' }, `${mail.from} · ${new Date(mail.sentAt)
                .toLocaleString()}`)))));
    empty.hidden = mails.length > 0;
}

function openMail(id) {
    const mail = mails.find(m => m.id === id);
    if (!mail) return;
    openId = id;
    document.getElementById('mail-subject').textContent = mail.subject;
    document.getElementById('mail-from').textContent = mail.from;
    const date = document.getElementById('mail-date');
    date.textContent = new Date(mail.sentAt).toLocaleString();
    date.setAttribute('datetime', mail.sentAt);
    document.getElementById('mail-text').textContent = mail.text;
    form.hidden = !mail.canReply;
    status.textContent = '';
    reader.hidden = false;
    document.body.classList.add('mailbox-reading');
    renderList();
}

async function refresh() {
    mails = await getJson('/demo/mailbox');
    renderList();
}

list.addEventListener('click', event => {
    const item = event.target.closest('.mailbox-item');
    if (item) openMail(item.dataset.mailId);
});

document.getElementById('mailbox-back').addEventListener('click', () => {
    reader.hidden = true;
    openId = null;
    document.body.classList.remove('mailbox-reading');
    renderList();
});

document.getElementById('mailbox-refresh').addEventListener('click', () => refresh());

form.addEventListener('submit', async event => {
    event.preventDefault();
    const text = document.getElementById('reply-text').value;
    if (!text.trim() || !openId) return;
    const send = document.getElementById('reply-send');
    send.disabled = true;
    try {
        const response = await fetch('/demo/mailbox/reply', { method: 'POST', credentials: 'same-origin',
            headers: { 'Content-Type': 'application/json', ...csrfHeaders() },
            body: JSON.stringify({ id: openId, text }) });
        status.textContent = response.ok ? 'Sent. It appears in the conversation in a few seconds.'
            : `Not sent (${response.status}).`;
        if (response.ok) document.getElementById('reply-text').value = '';
    } finally {
        send.disabled = false;
    }
});

async function start() {
    const me = await getJson('/api/messaging/me');
    const id = me.actor ? me.actor.id : me.id;
    document.getElementById('mailbox-address').textContent = id ? `${id}@portal.demo` : '';
    await refresh();
    setInterval(() => refresh().catch(() => {}), 3000);
}

start().catch(error => console.error(error));
