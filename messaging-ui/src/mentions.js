/*
 * @mentions in the team's composer: typing "@" lists the team members who can see the conversation (owners,
 * admins and managers, and its participants); choosing one writes "@Name" and records their id, sent with the
 * message while the text still shows the name.
 */
import { avatar, el } from './dom.js';

export class MentionPicker {
    constructor({ ctx, textarea, list }) {
        Object.assign(this, { ctx, textarea, list });
        this.chosen = new Map();
        this.options = [];
        this.active = 0;
        this.start = 0;
        textarea.addEventListener('input', () => this.suggest());
        // Capturing, so that Enter chooses a suggestion before the composer's Enter sends.
        textarea.addEventListener('keydown', event => this.keys(event), { capture: true });
        textarea.addEventListener('blur', () => setTimeout(() => this.close(), 150));
    }

    get isOpen() {
        return !this.list.hidden;
    }

    candidates() {
        const me = this.ctx.me.actor.id;
        return this.ctx.visibleTeam().filter(member => member.id !== me)
            .map(member => ({ id: member.id, displayName: member.displayName }));
    }

    suggest() {
        const before = this.textarea.value.slice(0, this.textarea.selectionStart);
        const match = /(^|\s)@([^\s@]{0,30})$/.exec(before);
        if (!match) return this.close();
        const query = match[2].toLowerCase();
        this.start = before.length - match[2].length - 1;
        this.options = this.candidates().filter(c => c.displayName.toLowerCase().split(/\s+/)
            .some(word => word.startsWith(query)) || c.displayName.toLowerCase().startsWith(query));
        this.active = 0;
        if (this.options.length === 0) return this.close();
        return this.render();
    }

    render() {
        this.list.replaceChildren(...this.options.map((option, index) => {
            const item = el('li', {
                class: `mu-mention-option mention-option${index === this.active ? ' active' : ''}`, role: 'option',
                id: `mention-option-${index}`, 'aria-selected': String(index === this.active),
                'data-team-member-id': option.id,
            }, avatar(option.displayName, 'avatar-sm mu-avatar-sm'), el('span', {}, option.displayName));
            // mousedown, not click: the message box keeps its focus and caret.
            item.addEventListener('mousedown', event => { event.preventDefault(); this.choose(option); });
            return item;
        }));
        this.list.hidden = false;
        this.textarea.setAttribute('aria-activedescendant', `mention-option-${this.active}`);
    }

    keys(event) {
        if (!this.isOpen) return;
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const step = event.key === 'ArrowDown' ? 1 : -1;
            this.active = (this.active + step + this.options.length) % this.options.length;
            this.render();
        } else if (event.key === 'Enter' || event.key === 'Tab') {
            event.preventDefault();
            event.stopImmediatePropagation();
            this.choose(this.options[this.active]);
        } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopImmediatePropagation();
            this.close();
        }
    }

    close() {
        this.list.hidden = true;
        this.options = [];
        this.textarea.removeAttribute('aria-activedescendant');
    }

    choose(option) {
        const text = this.textarea;
        const insert = `@${option.displayName} `;
        const after = text.value.slice(text.selectionStart);
        text.value = text.value.slice(0, this.start) + insert + after;
        const caret = this.start + insert.length;
        text.setSelectionRange(caret, caret);
        this.chosen.set(option.id, option.displayName);
        this.close();
        text.focus();
    }

    /** The ids of the chosen members whose "@Name" the text still shows. */
    mentionsIn(text) {
        return [...this.chosen].filter(([, name]) => text.includes(`@${name}`)).map(([id]) => id);
    }

    forget() {
        this.chosen.clear();
        this.close();
    }
}
