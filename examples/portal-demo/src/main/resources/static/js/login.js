import { csrfHeaders } from '/messaging-ui/messaging-client.js';
import { avatar, el } from '/messaging-ui/dom.js';

const form = document.getElementById('login-form');
const error = document.getElementById('login-error');

async function signIn(username, password) {
    error.hidden = true;
    // The first request of a visit may come before the CSRF cookie exists: fetch it with a harmless GET.
    if (!document.cookie.includes('XSRF-TOKEN=')) {
        await fetch('/demo/sign-in-options', { credentials: 'same-origin' });
    }
    const response = await fetch('/login', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'XMLHttpRequest',
            ...csrfHeaders() },
        body: new URLSearchParams({ username, password }),
    });
    if (response.ok) {
        window.location.assign('/');
    } else {
        error.textContent = response.status === 401 ? 'That user name and password do not match.'
            : 'Signing in failed; please try again.';
        error.hidden = false;
    }
}

form.addEventListener('submit', event => {
    event.preventDefault();
    signIn(form.username.value.trim(), form.password.value);
});

async function listDemoUsers() {
    const options = await (await fetch('/demo/sign-in-options', { credentials: 'same-origin' })).json();
    const container = document.getElementById('demo-users');
    for (const group of ['Team', 'Clients']) {
        const list = el('ul', { class: 'demo-list' });
        for (const option of options.filter(o => o.group === group)) {
            const button = el('button', { type: 'button', class: 'demo-user', 'data-username': option.username },
                avatar(option.displayName),
                el('span', { class: 'demo-user-text' },
                    el('strong', {}, option.displayName),
                    el('span', { class: 'muted' }, `${option.username} · ${option.description}`)));
            button.addEventListener('click', () => {
                form.username.value = option.username;
                form.password.value = 'demo';
                signIn(option.username, 'demo');
            });
            list.append(el('li', {}, button));
        }
        container.append(el('div', { class: 'demo-group' }, el('h4', {}, group), list));
    }
}

listDemoUsers();
