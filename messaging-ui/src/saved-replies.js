/*
 * Saved replies in the team's composer: a picker (the button beside the message box, or "/" and a shortcut typed as
 * the message) that puts a reply, filled in for the open conversation, into the composer to send or edit; and, for
 * owners, admins and managers, a dialog to manage them. It is built for team members only: a client's page has
 * none of it (and the API would answer a client 404 anyway).
 */
import { ApiError } from './messaging-client.js';
import { el } from './dom.js';
import { dialogShell } from './modal.js';

const PLACEHOLDERS = ['{{client.name}}', '{{client.firstName}}', '{{me.name}}', '{{me.firstName}}'];
/** The whole message is "/" and the start of a shortcut: the picker follows what is typed. */
const SLASH = /^\/([a-z0-9_-]*)$/i;

/**
 * Adds saved replies to the composer of a team member.
 *
 * @param ctx          the chat's context (client, isTeam, canManage, open)
 * @param composer     the composer's form
 * @param textarea     its message box
 * @param attachLabel  the attach button, which the picker's button follows
 */
export function wireSavedReplies({ ctx, composer, textarea, attachLabel }) {
    if (!ctx.isTeam) return;
    const api = ctx.client;
    const toast = text => ctx.notify(text);
    const showError = error => ctx.notify(ctx.errorText(error, 'saved-replies'), 'error');
    const picker = new Picker({ api, ctx, composer, textarea, attachLabel, showError });
    if (ctx.canManage) {
        const manager = new ManageDialog({ api, toast, showError, changed: () => picker.reload() });
        picker.onManage = () => manager.open();
    }
    picker.build();
}

class Picker {
    constructor({ api, ctx, composer, textarea, attachLabel, showError }) {
        Object.assign(this, { api, ctx, composer, textarea, attachLabel, showError });
        this.replies = [];
        this.shown = [];
        this.selected = 0;
        this.mode = null;          // 'button' or 'slash' while open
        this.loading = false;
        this.onManage = null;
    }

    build() {
        this.button = el('button', {
            type: 'button', class: 'btn-icon saved-replies-button', id: 'saved-replies-open',
            title: 'Saved replies (or type / and a shortcut)', 'aria-haspopup': 'listbox', 'aria-expanded': 'false',
            'aria-controls': 'saved-replies-picker',
        }, icon(), el('span', { class: 'sr-only' }, 'Saved replies'));
        this.search = el('input', {
            type: 'search', id: 'saved-replies-search', placeholder: 'Search saved replies',
            'aria-label': 'Search saved replies', autocomplete: 'off',
        });
        this.list = el('ul', { class: 'saved-picker-list', id: 'saved-replies-list', role: 'listbox',
            'aria-label': 'Saved replies' });
        const head = el('div', { class: 'saved-picker-head' }, this.search);
        if (this.onManage) {
            const manage = el('button',
                { type: 'button', class: 'btn btn-ghost btn-small', id: 'saved-replies-manage' }, 'Manage');
            manage.addEventListener('click', () => { this.close(); this.onManage(); });
            head.append(manage);
        }
        this.panel = el('div', { class: 'saved-picker', id: 'saved-replies-picker', hidden: true },
            head, this.list, el('p', { class: 'muted small saved-picker-hint' },
                'Type / and a shortcut as your message to pick one from the keyboard.'));
        this.composer.classList.add('has-saved-replies');
        this.composer.prepend(this.panel);
        this.attachLabel.after(this.button);

        this.button.addEventListener('click', () => (this.mode ? this.close() : this.openWith('button', '')));
        this.search.addEventListener('input', () => this.filter(this.search.value));
        this.search.addEventListener('keydown', event => this.keys(event));
        this.textarea.addEventListener('input', () => this.followTyping());
        // Capturing on the form runs before the message box's own Enter-sends handler, which it may then stop.
        this.composer.addEventListener('keydown', event => {
            if (event.target === this.textarea && this.mode === 'slash') this.keys(event);
        }, true);
        document.addEventListener('click', event => {
            if (this.mode && !this.panel.contains(event.target) && !this.button.contains(event.target)
                && event.target !== this.textarea) this.close();
        });
        // A read-only or watcher's composer is disabled by the page: the picker goes with it.
        new MutationObserver(() => {
            this.button.disabled = this.textarea.disabled;
            if (this.textarea.disabled) this.close();
        }).observe(this.textarea, { attributes: true, attributeFilter: ['disabled'] });
        this.button.disabled = this.textarea.disabled;
        this.ctx.on('opened', () => this.close());
        this.ctx.on('closed', () => this.close());
    }

    async openWith(mode, query) {
        if (this.textarea.disabled || !this.ctx.open) return;
        this.mode = mode;
        this.panel.hidden = false;
        this.panel.classList.toggle('slash', mode === 'slash');
        this.button.setAttribute('aria-expanded', 'true');
        this.search.value = mode === 'button' ? query : '';
        this.list.replaceChildren(el('li', { class: 'muted saved-picker-empty' }, 'Loading…'));
        if (mode === 'button') this.search.focus();
        // Filters by what is typed by the time the list arrives (reload does), not by what was typed before.
        await this.reload();
    }

    async reload() {
        this.loading = true;
        try {
            this.replies = await this.api.savedReplies();
        } catch (error) {
            this.replies = [];
            this.showError(error);
        } finally {
            this.loading = false;
        }
        if (this.mode) this.filter(this.mode === 'slash' ? this.slashQuery() : this.search.value);
    }

    close() {
        if (!this.mode) return;
        this.mode = null;
        this.panel.hidden = true;
        this.button.setAttribute('aria-expanded', 'false');
    }

    slashQuery() {
        const match = SLASH.exec(this.textarea.value);
        return match ? match[1] : '';
    }

    /** "/" then shortcut letters as the whole message opens the picker on them; anything else closes it. */
    followTyping() {
        const match = SLASH.exec(this.textarea.value);
        if (match && this.mode !== 'button') {
            if (this.mode === 'slash') this.filter(match[1]); else this.openWith('slash', match[1]);
        } else if (this.mode === 'slash') {
            this.close();
        }
    }

    filter(query) {
        const q = query.trim().toLowerCase();
        this.shown = this.mode === 'slash'
            ? this.replies.filter(reply => reply.shortcut.startsWith(q))
            : this.replies.filter(reply => !q || reply.shortcut.startsWith(q.replace(/^\//, ''))
                || reply.title.toLowerCase().includes(q) || reply.text.toLowerCase().includes(q));
        this.selected = 0;
        this.render();
    }

    render() {
        if (this.shown.length === 0) {
            const empty = this.replies.length === 0
                ? (this.onManage ? 'No saved replies yet: create one with Manage.' : 'No saved replies yet.')
                : 'No saved reply matches.';
            this.list.replaceChildren(el('li', { class: 'muted saved-picker-empty' }, empty));
            return;
        }
        this.list.replaceChildren(...this.shown.map((reply, index) => {
            const option = el('li', {
                class: 'saved-reply-option', role: 'option', id: `saved-reply-option-${reply.id}`,
                'data-saved-reply-id': reply.id, 'data-shortcut': reply.shortcut,
                'aria-selected': String(index === this.selected),
            },
            el('span', { class: 'saved-reply-line' },
                el('span', { class: 'saved-reply-title' }, reply.title),
                el('span', { class: 'saved-reply-shortcut' }, `/${reply.shortcut}`)),
            el('span', { class: 'saved-reply-preview muted small' }, reply.text));
            // mousedown, not click: the message box keeps its focus (and its caret) while one is picked.
            option.addEventListener('mousedown', event => { event.preventDefault(); this.pick(reply); });
            return option;
        }));
    }

    keys(event) {
        if (!this.mode) return;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            if (this.shown.length === 0) return;
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            this.selected = (this.selected + step + this.shown.length) % this.shown.length;
            this.render();
            this.list.children[this.selected]?.scrollIntoView({ block: 'nearest' });
        } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
            if (this.loading) {
                // Not "/thanks" sent as a message because the list was still on its way.
                event.preventDefault();
                event.stopPropagation();
                return;
            }
            if (this.shown.length === 0) return;
            event.preventDefault();
            event.stopPropagation();
            this.pick(this.shown[this.selected]);
        } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            const mode = this.mode;
            this.close();
            if (mode === 'button') this.textarea.focus();
        }
    }

    /** Fills the reply in for the open conversation and puts it where the caret was (or in place of "/..."). */
    async pick(reply) {
        const open = this.ctx.open;
        const mode = this.mode;
        if (!open) return;
        const { selectionStart, selectionEnd } = this.textarea;
        this.close();
        try {
            const { text } = await this.api.renderSavedReply(open.id, reply.id);
            if (this.ctx.open !== open) return;
            const current = this.textarea.value;
            let caret;
            if (mode === 'slash' || SLASH.test(current)) {
                this.textarea.value = text;
                caret = text.length;
            } else {
                this.textarea.value = current.slice(0, selectionStart) + text + current.slice(selectionEnd);
                caret = selectionStart + text.length;
            }
            this.textarea.focus();
            this.textarea.setSelectionRange(caret, caret);
            // The page sizes the message box on input.
            this.textarea.dispatchEvent(new Event('input', { bubbles: true }));
        } catch (error) {
            this.showError(error);
        }
    }
}

class ManageDialog {
    constructor({ api, toast, showError, changed }) {
        Object.assign(this, { api, toast, showError, changed });
        this.replies = [];
        this.editing = null;       // the reply being edited, null for a new one
        this.build();
    }

    build() {
        const field = (label, control) => el('label', { class: 'field' }, el('span', {}, label), control);
        this.title = el('input', { id: 'saved-reply-title', maxlength: '200', autocomplete: 'off' });
        this.shortcut = el('input', { id: 'saved-reply-shortcut', maxlength: '32', autocomplete: 'off',
            placeholder: 'for example thanks', pattern: '[A-Za-z0-9][A-Za-z0-9_\\-]*' });
        this.text = el('textarea', { id: 'saved-reply-text', rows: '4',
            placeholder: 'Hi {{client.firstName}}, thanks for your message!' });
        this.error = el('p', { class: 'saved-reply-error', id: 'saved-reply-error', role: 'alert', hidden: true });
        this.legend = el('legend', {}, 'New saved reply');
        this.list = el('ul', { class: 'saved-manage-list', id: 'saved-replies-manage-list' });
        this.save = el('button', { class: 'btn btn-primary', type: 'submit', id: 'saved-reply-save' }, 'Save');
        const fresh = el('button', { class: 'btn btn-ghost', type: 'button', id: 'saved-reply-new' }, 'New');
        const close = el('button', { class: 'btn btn-ghost', type: 'button', 'data-close': true }, 'Close');
        const shell = dialogShell({ id: 'saved-replies-dialog', title: 'Saved replies', wide: true });
        shell.head.append(el('p', { class: 'muted' }, 'Replies the whole team can insert into a conversation. '
            + 'Placeholders: ', el('code', {}, PLACEHOLDERS.join(' ')), '.'));
        this.form = el('form', { id: 'saved-reply-form', novalidate: true },
            shell.head,
            this.list,
            el('fieldset', { class: 'saved-editor' }, this.legend,
                field('Title', this.title), field('Shortcut', this.shortcut), field('Text', this.text), this.error),
            el('footer', { class: 'dialog-foot' }, close, fresh, this.save));
        shell.panel.append(this.form);
        this.modal = shell.modal;
        document.body.append(shell.overlay);

        fresh.addEventListener('click', () => this.edit(null));
        this.form.addEventListener('submit', event => { event.preventDefault(); this.submit(); });
    }

    async open() {
        this.edit(null);
        this.modal.open(this.title);
        await this.load();
        this.title.focus();
    }

    async load() {
        try {
            this.replies = await this.api.savedReplies();
        } catch (error) {
            this.showError(error);
        }
        this.render();
    }

    render() {
        if (this.replies.length === 0) {
            this.list.replaceChildren(el('li', { class: 'muted' }, 'None yet: the first one goes below.'));
            return;
        }
        this.list.replaceChildren(...this.replies.map(reply => {
            const edit = el('button', { type: 'button', class: 'btn btn-ghost btn-small', 'data-action': 'edit' },
                'Edit');
            const remove = el('button', { type: 'button', class: 'btn btn-ghost btn-small danger',
                'data-action': 'delete' }, 'Delete');
            edit.addEventListener('click', () => this.edit(reply));
            remove.addEventListener('click', () => {
                // Two steps, without a blocking confirm(): the first click asks, the second deletes.
                if (remove.dataset.confirm) this.remove(reply); else {
                    remove.dataset.confirm = 'true';
                    remove.textContent = 'Really delete?';
                }
            });
            return el('li', { class: 'saved-manage-item', 'data-saved-reply-id': reply.id,
                'data-shortcut': reply.shortcut },
            el('span', { class: 'saved-reply-line' },
                el('span', { class: 'saved-reply-title' }, reply.title),
                el('span', { class: 'saved-reply-shortcut' }, `/${reply.shortcut}`)),
            el('span', { class: 'saved-manage-actions' }, edit, remove));
        }));
    }

    edit(reply) {
        this.editing = reply;
        this.legend.textContent = reply ? `Edit /${reply.shortcut}` : 'New saved reply';
        this.title.value = reply ? reply.title : '';
        this.shortcut.value = reply ? reply.shortcut : '';
        this.text.value = reply ? reply.text : '';
        this.showProblem(null);
    }

    async submit() {
        const body = { title: this.title.value, shortcut: this.shortcut.value.trim(), text: this.text.value };
        this.save.disabled = true;
        try {
            const saved = this.editing
                ? await this.api.updateSavedReply(this.editing.id, { ...body, version: this.editing.version })
                : await this.api.createSavedReply(body);
            this.toast(`Saved /${saved.shortcut}.`);
            this.edit(null);
            await this.load();
            this.changed();
        } catch (error) {
            if (error instanceof ApiError && error.problem && error.problem.field) {
                this.showProblem(error.problem);
                if (error.problem.field === 'version') await this.load();
            } else {
                this.showError(error);
            }
        } finally {
            this.save.disabled = false;
        }
    }

    async remove(reply) {
        try {
            await this.api.deleteSavedReply(reply.id);
            if (this.editing?.id === reply.id) this.edit(null);
            this.toast(`Deleted /${reply.shortcut}.`);
        } catch (error) {
            this.showError(error);
        }
        await this.load();
        this.changed();
    }

    /** Shows the API's problem beside the field it names. */
    showProblem(problem) {
        const inputs = { title: this.title, shortcut: this.shortcut, text: this.text };
        for (const [name, input] of Object.entries(inputs)) {
            input.toggleAttribute('aria-invalid', !!problem && problem.field === name);
        }
        this.error.hidden = !problem;
        this.error.textContent = problem ? problemText(problem) : '';
        if (problem && inputs[problem.field]) inputs[problem.field].focus();
    }
}

/** The problem in people's words: never the server's detail text. */
function problemText(problem) {
    if (problem.field === 'version') return 'Someone changed this reply meanwhile; it was reloaded. Please try again.';
    if (problem.field === 'shortcut') {
        return problem.status === 409 ? 'This shortcut is taken: choose another one.'
            : 'A shortcut is letters, digits, - and _, starting with a letter or digit (up to 32).';
    }
    if (problem.field === 'title') return 'Please give the reply a title (up to 200 characters).';
    if (problem.field === 'text') return 'Please write the reply\'s text.';
    return 'This reply could not be saved. Please check it and try again.';
}

function icon() {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'icon');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('fill-rule', 'evenodd');
    // A speech bubble with a lightning bolt: a reply ready to go.
    path.setAttribute('d', 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm9 2-5 7h3'
        + 'l-1 5 5-7h-3z');
    svg.append(path);
    return svg;
}
