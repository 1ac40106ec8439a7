/*
 * <messaging-composer>: the message box. Enter sends, Shift+Enter breaks the line. A draft has one clientMessageId
 * from its first character on; sending hands the draft over (a 'messaging-send' event, {clientMessageId, text,
 * attachments, mentions, internal}) and starts a new one, so a second Enter while the first is on its way sends
 * nothing twice. Attachments upload first, checked against the server's limits; errors show in an alert above
 * the box. For the team: the reply/note switch, @mentions and saved replies. Used inside messaging-conversation.
 */
import { MessagingElement } from '../element.js';
import { ICONS, el, icon } from '../dom.js';
import { uploadChips, uploadInto } from '../uploads.js';
import { MentionPicker } from '../mentions.js';
import { wireSavedReplies } from '../saved-replies.js';

export class MessagingComposer extends MessagingElement {
    build(ctx) {
        this.ctx = ctx;
        const s = ctx.strings;
        this.s = s;
        this.draftId = null;
        this.uploads = [];
        this.noteMode = false;
        this.classList.add('mu-composer-host');
        this.locked = el('div', { class: 'mu-locked composer-locked', id: 'composer-locked', hidden: true },
            icon(ICONS.lock), el('span', { id: 'composer-locked-reason' }));
        this.mode = el('div', { class: 'mu-composer-mode composer-mode', id: 'composer-mode', role: 'group',
            'aria-label': s.sendAs, hidden: true },
        el('button', { type: 'button', 'data-mode': 'reply', 'aria-pressed': 'true' }, s.reply),
        el('button', { type: 'button', 'data-mode': 'note', 'aria-pressed': 'false' }, s.internalNote),
        el('span', { class: 'mu-composer-mode-hint composer-mode-hint', id: 'composer-mode-hint', hidden: true },
            s.notesOnlyTeam));
        this.tray = el('div', { class: 'mu-tray attachment-tray', id: 'composer-attachments' });
        this.suggestions = el('ul', { class: 'mu-mentions mention-suggestions', id: 'mention-suggestions',
            role: 'listbox', 'aria-label': s.mentionTeamMember, hidden: true });
        this.alert = el('div',
            { class: 'mu-alert mu-composer-alert', id: 'composer-alert', role: 'alert', hidden: true });
        this.files = el('input',
            { type: 'file', id: 'composer-files', class: 'mu-file-input file-input', multiple: true });
        this.attach = el('label', { class: 'mu-icon-button btn-icon', id: 'attach-label', title: s.attach },
            this.files, icon(ICONS.clip), el('span', { class: 'mu-sr-only sr-only' }, s.attach));
        this.text = el('textarea', {
            id: 'composer-text', rows: '1', placeholder: s.writeMessage, 'aria-label': s.message,
            'aria-describedby': 'composer-limits', maxlength: ctx.limits?.maxTextLength || false, enterkeyhint: 'send',
        });
        this.sendButton = el('button',
            { class: 'mu-btn mu-btn-primary btn btn-primary', id: 'composer-send', type: 'submit' }, s.send);
        this.hint = el('p', { class: 'mu-hint', id: 'composer-limits' }, s.attachHint(ctx.limits));
        this.form = el('form', { class: 'mu-composer composer', id: 'composer', 'aria-label': s.message },
            this.locked, this.mode, this.alert, this.tray, this.suggestions,
            el('div', { class: 'mu-composer-row composer-row' }, this.attach, this.text, this.sendButton),
            this.hint);
        this.replaceChildren(this.form);

        this.form.addEventListener('submit', event => { event.preventDefault(); this.submit(); });
        this.text.addEventListener('keydown', event => {
            if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
                event.preventDefault();
                this.submit();
            }
        });
        this.text.addEventListener('input', () => {
            if (!this.draftId && this.text.value.trim()) this.draftId = newId();
            this.autosize();
        });
        this.files.addEventListener('change', () => {
            const chosen = [...this.files.files];
            this.files.value = '';
            this.upload(chosen);
        });
        for (const button of this.mode.querySelectorAll('button[data-mode]')) {
            button.addEventListener('click', () => {
                this.noteMode = button.dataset.mode === 'note';
                this.renderAccess();
                this.text.focus();
            });
        }
        if (ctx.isTeam) {
            this.mentions = new MentionPicker({ ctx, textarea: this.text, list: this.suggestions });
            wireSavedReplies({ ctx, composer: this.form, textarea: this.text, attachLabel: this.attach, host: this });
        }
        this.listen('opened', () => this.reset());
        this.listen('access', () => this.renderAccess());
        this.listen('connection', () => this.renderAccess());
        this.renderAccess();
    }

    /** A new conversation: an empty draft (a draft belongs to the conversation it was written in). */
    reset() {
        this.text.value = '';
        this.draftId = null;
        this.uploads = [];
        this.renderTray();
        this.clearError();
        this.mentions?.forget();
        this.noteMode = false;
        this.autosize();
        this.renderAccess();
    }

    autosize() {
        this.text.style.height = 'auto';
        if (this.text.scrollHeight) this.text.style.height = `${Math.min(this.text.scrollHeight, 180)}px`;
    }

    /** Why I may not write here, or null. A read-only agent may still write notes, a watcher nothing. */
    lockReason() {
        const ctx = this.ctx;
        if (ctx.isTeam && ctx.me.role === 'WATCHER') return this.s.watcherLocked;
        if (ctx.open?.access === 'READ_ONLY' && !this.noteMode) return this.s.readOnlyLocked;
        return null;
    }

    renderAccess() {
        const ctx = this.ctx;
        const canNote = ctx.isTeam && ctx.me.role !== 'WATCHER';
        if (!canNote) this.noteMode = false;
        const reason = this.lockReason();
        this.locked.hidden = !reason;
        this.locked.querySelector('#composer-locked-reason').textContent = reason || '';
        this.form.classList.toggle('locked', !!reason);
        this.form.classList.toggle('note-mode', this.noteMode);
        for (const control of [this.text, this.sendButton, this.files]) control.disabled = !!reason;
        this.attach.classList.toggle('disabled', !!reason);
        this.text.placeholder = reason ? this.s.readOnly : this.noteMode ? this.s.writeNote : this.s.writeMessage;
        this.mode.hidden = !canNote;
        for (const button of this.mode.querySelectorAll('button[data-mode]')) {
            button.setAttribute('aria-pressed', String((button.dataset.mode === 'note') === this.noteMode));
        }
        this.mode.querySelector('#composer-mode-hint').hidden = !this.noteMode;
    }

    showError(text) {
        this.alert.replaceChildren(el('span', {}, text));
        const dismiss = el('button', { type: 'button', class: 'mu-link-button', 'aria-label': this.s.dismiss }, '×');
        dismiss.addEventListener('click', () => this.clearError());
        this.alert.append(dismiss);
        this.alert.hidden = false;
    }

    clearError() {
        this.alert.hidden = true;
        this.alert.replaceChildren();
    }

    /** Hands the draft over to be sent, and starts a new draft. Does nothing without text or attachments. */
    submit() {
        if (this.text.disabled) return;
        const text = this.text.value.trim();
        if (this.uploads.some(item => !item.attachment && !item.failed)) {
            this.showError(this.s.waitForUploads);
            return;
        }
        const attachments = this.uploads.filter(item => item.attachment).map(item => item.attachment);
        if (!text && attachments.length === 0) return;
        const max = this.ctx.limits?.maxTextLength;
        if (max && text.length > max) {
            this.showError(`Messages can be up to ${max.toLocaleString('en')} characters; this one has `
                + `${text.length.toLocaleString('en')}.`);
            return;
        }
        const draft = {
            clientMessageId: this.draftId || newId(), text, attachments,
            mentions: this.mentions ? this.mentions.mentionsIn(text) : [], internal: this.ctx.isTeam && this.noteMode,
        };
        this.text.value = '';
        this.draftId = null;
        this.uploads = [];
        this.mentions?.forget();
        this.renderTray();
        this.clearError();
        this.autosize();
        this.dispatchEvent(new CustomEvent('messaging-send', { bubbles: true, detail: draft }));
        this.text.focus();
    }

    async upload(files) {
        // A file is part of the draft: the draft's id is made with its first attachment, as with its first letter.
        await uploadInto(this, files, text => this.showError(text), () => {
            if (!this.draftId) this.draftId = newId();
        });
    }

    renderTray() {
        this.tray.replaceChildren(...uploadChips(this, () => this.text.focus()));
    }
}

function newId() {
    return globalThis.crypto.randomUUID();
}
