/*
 * <messaging-announcement-dialog>: one message to all clients or to chosen ones. Chosen clients stay in sight as
 * removable chips above the search; sending asks once more with the number of recipients ("Send to 3 clients?");
 * progress follows delivery; after sending the form starts afresh. Owners, admins and managers only. open()
 * shows it; messaging-chat's "New announcement" button calls that. Dispatches 'messaging-announced'
 * ({announcement}) when the server accepted one.
 */
import { MessagingElement } from '../element.js';
import { avatar, el } from '../dom.js';
import { dialogShell } from '../modal.js';
import { uploadChips, uploadInto } from '../uploads.js';

export class MessagingAnnouncementDialog extends MessagingElement {
    build(ctx) {
        this.ctx = ctx;
        const s = ctx.strings;
        this.s = s;
        this.selected = new Map();     // client account id -> name, in the order chosen
        this.uploads = [];
        this.polling = null;
        const shell = dialogShell({ id: 'announce-dialog', title: s.newAnnouncement, hint: s.announceHint, wide: true,
            onClose: () => this.#stopConfirm() });
        this.modal = shell.modal;
        const radio = (value, label, checked) => el('label', { class: 'mu-radio radio' },
            el('input', { type: 'radio', name: 'audience', value, checked }), ' ', label);
        this.chips = el('ul', { class: 'mu-chips', id: 'client-selected', 'aria-label': 'Chosen clients' });
        this.search = el('input', { type: 'search', id: 'client-search', placeholder: s.searchClients,
            'aria-label': s.searchClients, autocomplete: 'off' });
        this.options = el('ul', { class: 'mu-pick-list mu-pick-list-scroll pick-list pick-list-scroll',
            id: 'client-options', 'aria-label': s.searchClients });
        this.count = el('p', { class: 'mu-muted muted small', id: 'client-selected-count', 'aria-live': 'polite' },
            s.noneSelected);
        this.picker = el('div', { class: 'mu-client-picker client-picker', id: 'client-picker', hidden: true },
            this.chips, this.search, this.options, this.count);
        this.text = el('textarea', { id: 'announce-text', rows: '4', placeholder: s.announceText,
            maxlength: ctx.limits?.maxTextLength || false });
        this.tray = el('div', { class: 'mu-tray attachment-tray', id: 'announce-attachments' });
        this.files = el('input',
            { type: 'file', id: 'announce-files', class: 'mu-file-input file-input', multiple: true });
        this.highlight = el('input', { type: 'checkbox', id: 'announce-highlight', checked: true });
        this.alert = el('p', { class: 'mu-alert', id: 'announce-alert', role: 'alert', hidden: true });
        this.progressBar = el('span', { id: 'announce-progress-bar' });
        this.progressText = el('span', { id: 'announce-progress-text', role: 'status' });
        this.progress = el('div', { class: 'mu-progress progress', id: 'announce-progress', hidden: true },
            el('div', { class: 'mu-progress-bar progress-bar' }, this.progressBar), this.progressText);
        this.sendButton = el('button', { class: 'mu-btn mu-btn-primary btn btn-primary', type: 'submit',
            id: 'announce-send' }, s.sendAnnouncement);
        this.confirmText = el('p', { class: 'mu-confirm-text', id: 'announce-confirm-text' });
        this.confirmButton = el('button', { class: 'mu-btn mu-btn-primary btn btn-primary', type: 'button',
            id: 'announce-confirm' }, s.yesSend);
        const back = el('button',
            { class: 'mu-btn mu-btn-ghost btn btn-ghost', type: 'button', id: 'announce-back' }, s.goBack);
        this.confirm = el('div', { class: 'mu-confirm', id: 'announce-confirm-step', hidden: true, role: 'group',
            'aria-labelledby': 'announce-confirm-text' }, this.confirmText, el('div', { class: 'mu-confirm-actions' },
            back, this.confirmButton));
        this.foot = el('footer', { class: 'mu-dialog-foot dialog-foot' },
            el('button', { class: 'mu-btn mu-btn-ghost btn btn-ghost', type: 'button', 'data-close': true }, s.close),
            this.sendButton);
        this.form = el('form', { id: 'announce-form', novalidate: true }, shell.head,
            el('fieldset', { class: 'mu-audience audience' }, el('legend', {}, s.sendTo),
                radio('all', s.allClients, true), radio('selected', s.selectedClients, false)),
            this.picker,
            el('label', { class: 'mu-field field' }, el('span', {}, 'Message'), this.text),
            this.tray,
            el('div', { class: 'mu-announce-options announce-options' },
                el('label', { class: 'mu-btn mu-btn-ghost mu-btn-small btn btn-ghost btn-small' },
                    this.files, s.attach),
                el('label', { class: 'mu-check check' }, this.highlight, ' ', s.highlightInChat)),
            this.alert, this.progress, this.confirm, this.foot);
        shell.panel.append(this.form);
        this.replaceChildren(shell.overlay);

        this.form.addEventListener('submit', event => { event.preventDefault(); this.askToConfirm(); });
        this.confirmButton.addEventListener('click', () => this.send());
        back.addEventListener('click', () => { this.#stopConfirm(); this.sendButton.focus(); });
        this.search.addEventListener('input', () => this.renderOptions());
        for (const input of this.form.querySelectorAll('input[name="audience"]')) {
            input.addEventListener('change', () => {
                this.picker.hidden = this.audience() !== 'selected';
                this.#stopConfirm();
            });
        }
        this.files.addEventListener('change', () => {
            const chosen = [...this.files.files];
            this.files.value = '';
            this.upload(chosen);
        });
        this.listen('feed', ({ type, data }) => {
            if (type === 'AnnouncementDelivered' && this.progress.dataset.announcementId === data.announcementId) {
                this.follow(data.announcementId);
            }
        });
    }

    audience() {
        return this.form.querySelector('input[name="audience"]:checked').value;
    }

    /** Shows the dialog as new, unless an announcement is still being delivered (its progress stays). */
    open() {
        this.reset({ keepProgress: this.#delivering() });
        this.modal.open(this.text);
    }

    close() {
        this.modal.close();
    }

    #delivering() {
        const status = this.progress.dataset.status;
        return !this.progress.hidden && status !== 'DELIVERED' && status !== 'FAILED';
    }

    /** Empty form: audience all, nothing chosen, no text, no files, highlight on. */
    reset({ keepProgress = false } = {}) {
        this.selected = new Map();
        this.uploads = [];
        this.form.reset();
        this.search.value = '';
        this.picker.hidden = true;
        this.alert.hidden = true;
        this.sendButton.disabled = false;
        this.#stopConfirm();
        if (!keepProgress) {
            this.progress.hidden = true;
            delete this.progress.dataset.announcementId;
            delete this.progress.dataset.status;
        }
        this.renderTray();
        this.renderOptions();
    }

    renderOptions() {
        const s = this.s;
        const query = this.search.value.trim().toLowerCase();
        const options = this.ctx.clients.filter(client => client.name.toLowerCase().includes(query)).map(client => {
            const box = el('input', { type: 'checkbox', value: client.id, checked: this.selected.has(client.id) });
            box.addEventListener('change', () => {
                if (box.checked) this.selected.set(client.id, client.name); else this.selected.delete(client.id);
                this.#stopConfirm();
                this.renderSelection();
            });
            const users = (client.users || []).length;
            return el('li', { class: 'mu-pick pick', 'data-client-account-id': client.id },
                el('label', { class: 'mu-pick-label pick-label' }, box, avatar(client.name, 'avatar-sm mu-avatar-sm'),
                    el('span', { class: 'mu-person-text person-text' },
                        el('span', { class: 'mu-person-name person-name' }, client.name),
                        el('span', { class: 'mu-muted muted small' },
                            client.kind === 'ORGANISATION' ? s.organisation(users) : s.individual))));
        });
        this.options.replaceChildren(...options);
        this.renderSelection();
    }

    /** The chosen clients as chips (whatever the search shows) and their count. */
    renderSelection() {
        const s = this.s;
        this.chips.replaceChildren(...[...this.selected].map(([id, name]) => {
            const remove = el('button',
                { type: 'button', class: 'mu-chip-remove chip-remove', 'aria-label': s.removeClient(name) }, '×');
            remove.addEventListener('click', () => {
                this.selected.delete(id);
                const box = this.options.querySelector(`li[data-client-account-id="${cssEscape(id)}"] input`);
                if (box) box.checked = false;
                this.#stopConfirm();
                this.renderSelection();
                this.search.focus();
            });
            return el('li', { class: 'mu-chip chip ready', 'data-client-account-id': id },
                el('span', { class: 'mu-chip-name chip-name' }, name), remove);
        }));
        this.chips.hidden = this.selected.size === 0;
        this.count.textContent = this.selected.size === 0 ? s.noneSelected : s.selectedCount(this.selected.size);
    }

    async upload(files) {
        await uploadInto(this, files, text => this.#alert(text));
    }

    renderTray() {
        this.tray.replaceChildren(...uploadChips(this));
    }

    #alert(text) {
        this.alert.textContent = text;
        this.alert.hidden = false;
    }

    /** What would be sent, or a reason it cannot be. */
    #draft() {
        const s = this.s;
        if (this.uploads.some(item => !item.attachment && !item.failed)) return { problem: s.waitForUploads };
        const attachmentIds = this.uploads.filter(item => item.attachment).map(item => item.attachment.id);
        const text = this.text.value.trim();
        const all = this.audience() === 'all';
        if (!text && attachmentIds.length === 0) return { problem: s.writeAnnouncementFirst };
        if (!all && this.selected.size === 0) return { problem: s.pickClient };
        return { all, text, attachmentIds, count: all ? this.ctx.clients.length : this.selected.size };
    }

    /** The first step of sending: names the number of recipients and asks once more. */
    askToConfirm() {
        const draft = this.#draft();
        if (draft.problem) {
            this.#alert(draft.problem);
            return;
        }
        this.alert.hidden = true;
        this.confirmText.textContent = draft.all && !draft.count ? this.s.confirmSendAll
            : this.s.confirmSend(draft.all, draft.count);
        this.confirm.hidden = false;
        this.foot.hidden = true;
        this.confirmButton.focus();
    }

    #stopConfirm() {
        if (!this.confirm) return;
        this.confirm.hidden = true;
        this.foot.hidden = false;
    }

    async send() {
        const draft = this.#draft();
        if (draft.problem) {
            this.#stopConfirm();
            this.#alert(draft.problem);
            return;
        }
        this.confirmButton.disabled = true;
        try {
            const sent = await this.ctx.client.announce({
                audience: draft.all ? { allClients: true } : { clientAccountIds: [...this.selected.keys()] },
                text: draft.text, attachmentIds: draft.attachmentIds, highlighted: this.highlight.checked,
            });
            // A fresh form for the next one; the progress of this one stays in sight.
            this.reset({ keepProgress: true });
            this.showProgress(sent);
            this.follow(sent.id);
            this.dispatchEvent(new CustomEvent('messaging-announced',
                { bubbles: true, detail: { announcement: sent } }));
            this.text.focus();
        } catch (error) {
            this.#stopConfirm();
            this.#alert(this.ctx.errorText(error, 'announce'));
        } finally {
            this.confirmButton.disabled = false;
        }
    }

    showProgress(announcement) {
        const s = this.s;
        const box = this.progress;
        box.hidden = false;
        box.dataset.status = announcement.status;
        box.dataset.announcementId = announcement.id;
        const { targetCount: target, deliveredCount: delivered } = announcement;
        this.progressBar.style.width = `${target ? Math.round(100 * delivered / target) : 100}%`;
        this.progressText.textContent = announcement.status === 'DELIVERED' ? s.delivered(delivered)
            : announcement.status === 'FAILED' ? s.deliveryFailed(delivered, target) : s.delivering(delivered, target);
    }

    /** Delivery runs in the background: follow its progress until it is done. */
    follow(id) {
        clearTimeout(this.polling);
        const poll = async () => {
            const current = await this.ctx.client.announcement(id).catch(() => null);
            if (this.progress.dataset.announcementId !== id) return;
            if (current) this.showProgress(current);
            if (!current || (current.status !== 'DELIVERED' && current.status !== 'FAILED')) {
                this.polling = setTimeout(poll, 400);
            }
        };
        poll();
    }

    disconnectedCallback() {
        clearTimeout(this.polling);
        super.disconnectedCallback();
    }
}

function cssEscape(value) {
    return globalThis.CSS?.escape ? CSS.escape(value) : String(value).replace(/["\\]/g, '\\$&');
}
