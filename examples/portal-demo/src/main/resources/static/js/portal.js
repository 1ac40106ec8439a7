/*
 * The portal's own bits around the chat: the signed-in person's chip, Sign out, the unread count in the tab's
 * title. The chat itself is the @clientportal/messaging-ui package's <messaging-chat> element.
 */
import { csrfHeaders } from '/messaging-ui/messaging-client.js';
import { avatar } from '/messaging-ui/dom.js';

const ROLE_NAMES = { OWNER: 'Owner', ADMIN: 'Admin', MANAGER: 'Manager', AGENT: 'Agent', WATCHER: 'Watcher' };
const TITLE = 'Messages · Northwind Studio';
const chat = document.getElementById('chat');

chat.addEventListener('messaging-ready', event => {
    const { me } = event.detail;
    document.getElementById('user-name').textContent = me.displayName;
    document.getElementById('user-role').textContent = me.actor.kind === 'TEAM_MEMBER' ? ROLE_NAMES[me.role] : 'Client';
    document.getElementById('user-avatar').replaceWith(Object.assign(avatar(me.displayName), { id: 'user-avatar' }));
    document.body.classList.remove('is-loading');
});

chat.addEventListener('messaging-error', () => document.body.classList.remove('is-loading'));

chat.addEventListener('messaging-unread', event => {
    const total = event.detail.unreadTotal;
    document.title = `${total > 0 ? `(${total}) ` : ''}${TITLE}`;
});

document.getElementById('logout').addEventListener('click', async () => {
    await fetch('/logout', { method: 'POST', credentials: 'same-origin', headers: csrfHeaders() });
    window.location.assign('/login');
});
