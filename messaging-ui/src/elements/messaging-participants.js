/*
 * <messaging-participants>: the open conversation's team members (role, access) and the client's people; owners,
 * admins and managers add members, switch an agent between Write and Read only, and remove members. A panel
 * beside the conversation on wide screens, a drawer (role="dialog", Esc closes, focus kept inside) below 1100 px.
 * Team only; needs the host's directory (team, clients) for names and candidates. Used inside messaging-chat.
 */
import { MessagingElement } from '../element.js';
import { ICONS, avatar, el, icon } from '../dom.js';
import { dialogShell, focusableIn, keepFocusIn } from '../modal.js';

export class MessagingParticipants extends MessagingElement {
    build(ctx) {
        this.ctx = ctx;
        const s = ctx.strings;
        this.s = s;
        this.classList.add('mu-participants', 'sidebar');
        this.setAttribute('aria-label', s.participants);
        this.setAttribute('role', 'complementary');
        this.hidden = true;
        this.list = el('ul', { class: 'mu-people people', id: 'participant-list' });
        this.clientPeople = el('ul', { class: 'mu-people people', id: 'client-people' });
        this.addButton = el('button', {
            class: 'mu-btn mu-btn-small mu-btn-block mu-btn-add btn btn-small btn-block btn-add',
            id: 'add-participants', type: 'button', hidden: true,
        }, icon(ICONS.plus), s.addParticipants);
        this.closeButton = el('button', {
            class: 'mu-btn mu-btn-ghost mu-btn-small mu-drawer-close btn btn-ghost btn-small', type: 'button',
            id: 'participants-close',
        }, s.close);
        this.alert = el('p', { class: 'mu-alert', role: 'alert', hidden: true });
        this.menu = el('div', { class: 'mu-menu menu', id: 'participant-menu', role: 'menu', hidden: true });
        this.replaceChildren(
            el('div', { class: 'mu-sidebar-section sidebar-section' },
                el('div', { class: 'mu-sidebar-head sidebar-head' },
                    el('h3', { id: 'participants-title' }, s.participants), this.closeButton),
                this.alert, this.list, this.addButton),
            el('div', { class: 'mu-sidebar-section sidebar-section' }, el('h3', {}, s.client), this.clientPeople),
            this.menu);
        this.#buildAddDialog();
        this.addButton.addEventListener('click', () => this.openAddDialog());
        this.closeButton.addEventListener('click', () => this.closeDrawer());
        this.addEventListener('keydown', event => {
            if (!this.drawerOpen) return;
            if (event.key === 'Escape' && this.menu.hidden) {
                event.preventDefault();
                this.closeDrawer();
            } else {
                keepFocusIn(this, event);
            }
        });
        this.outside = event => { if (!this.menu.contains(event.target)) this.closeMenu(); };
        this.escape = event => {
            if (event.key === 'Escape' && !this.menu.hidden) {
                event.stopPropagation();
                this.closeMenu();
                this.menuAnchor?.focus();
            }
        };
        this.ownerDocument.addEventListener('click', this.outside);
        this.ownerDocument.addEventListener('keydown', this.escape, true);
        this.listen('opened', () => this.load());
        this.listen('closed', () => { this.hidden = true; this.closeDrawer(); });
        this.listen('participants-drawer', ({ open }) => (open ? this.openDrawer() : this.closeDrawer()));
        this.listen('feed', ({ type, data }) => this.#onEvent(type, data));
    }

    disconnectedCallback() {
        this.ownerDocument.removeEventListener('click', this.outside);
        this.ownerDocument.removeEventListener('keydown', this.escape, true);
        super.disconnectedCallback();
    }

    async load() {
        const open = this.ctx.open;
        if (!open || !this.ctx.isTeam) return;
        this.hidden = false;
        try {
            const participants = await this.ctx.client.participants(open.id);
            if (this.ctx.open !== open) return;
            open.participants = participants;
            participants.forEach(p => this.ctx.names.set(`TEAM_MEMBER:${p.teamMemberId}`, p.displayName));
            this.render();
            this.ctx.participantsChanged();
        } catch (error) {
            this.#error(error);
        }
    }

    // --- the drawer (below 1100 px; CSS decides where it shows, this decides that it is a dialog while open)

    get drawerOpen() {
        return this.classList.contains('mu-drawer-open');
    }

    openDrawer() {
        if (!this.ctx.open) return;
        this.returnTo = this.ownerDocument.activeElement;
        this.classList.add('mu-drawer-open');
        this.setAttribute('role', 'dialog');
        this.setAttribute('aria-modal', 'true');
        this.setAttribute('aria-labelledby', 'participants-title');
        this.closest('messaging-chat')?.classList.add('mu-drawer-shown');
        (focusableIn(this)[0] || this).focus();
    }

    closeDrawer() {
        if (!this.drawerOpen) return;
        this.classList.remove('mu-drawer-open');
        this.setAttribute('role', 'complementary');
        this.removeAttribute('aria-modal');
        this.removeAttribute('aria-labelledby');
        this.closest('messaging-chat')?.classList.remove('mu-drawer-shown');
        if (this.returnTo?.isConnected) this.returnTo.focus();
    }

    // --- rendering

    accessLabel(participant) {
        const s = this.s;
        if (participant.role === 'WATCHER') return s.accessRead;
        return participant.access === 'READ_ONLY' ? s.accessReadOnly : s.accessWrite;
    }

    render() {
        const ctx = this.ctx;
        const open = ctx.open;
        if (!open) return;
        const s = this.s;
        this.addButton.hidden = !ctx.canManage;
        const rows = open.participants.map(participant => {
            const level = participant.role === 'WATCHER' ? 'read'
                : participant.access === 'READ_ONLY' ? 'read-only' : 'write';
            const row = el('li', { class: 'mu-person person', 'data-team-member-id': participant.teamMemberId },
                avatar(participant.displayName, 'avatar-sm mu-avatar-sm'),
                el('span', { class: 'mu-person-text person-text' },
                    el('span', { class: 'mu-person-name person-name' }, participant.displayName),
                    el('span', { class: 'mu-muted muted small' }, s.roleNames[participant.role] || '')),
                el('span', { class: `mu-access access access-${level}` }, this.accessLabel(participant)));
            if (ctx.canManage) {
                const more = el('button', { type: 'button', class: 'mu-icon-button btn-icon more',
                    'aria-label': s.optionsFor(participant.displayName), 'aria-haspopup': 'menu',
                    'aria-expanded': 'false' }, '⋯');
                more.addEventListener('click', event => { event.stopPropagation(); this.openMenu(more, participant); });
                row.append(more);
            }
            return row;
        });
        this.list.replaceChildren(...rows);
        if (rows.length === 0) this.list.append(el('li', { class: 'mu-muted muted small' }, s.noParticipants));
        const client = ctx.clients.find(c => c.id === open.conversation.clientAccountId);
        const users = client ? client.users || [] : [];
        this.clientPeople.replaceChildren(...users.map(user => el('li', { class: 'mu-person person' },
            avatar(user.displayName, 'avatar-sm mu-avatar-sm'),
            el('span', { class: 'mu-person-text person-text' },
                el('span', { class: 'mu-person-name person-name' }, user.displayName),
                el('span', { class: 'mu-muted muted small' },
                    client.kind === 'ORGANISATION' ? client.name : s.individual)))));
        if (users.length === 0) this.clientPeople.append(el('li', { class: 'mu-muted muted small' }, s.noClientUsers));
    }

    #error(error) {
        this.alert.textContent = this.ctx.errorText(error, 'participants');
        this.alert.hidden = false;
        clearTimeout(this.alertTimer);
        this.alertTimer = setTimeout(() => { this.alert.hidden = true; }, 8000);
    }

    // --- the three-dots menu

    openMenu(anchor, participant) {
        const s = this.s;
        const conversationId = this.ctx.open.id;
        const item = (label, action, { checked = null, danger = false } = {}) => {
            const button = el('button', { type: 'button', role: checked === null ? 'menuitem' : 'menuitemradio',
                class: danger ? 'danger mu-danger' : '', 'aria-checked': checked === null ? false : String(checked) },
            el('span', { class: 'mu-check-mark check-mark', 'aria-hidden': 'true' }, checked ? '✓' : ''), label);
            button.addEventListener('click', async () => {
                this.closeMenu();
                this.menuAnchor?.focus();
                try {
                    await action();
                } catch (error) {
                    this.#error(error);
                }
                this.#keepFocus(participant.teamMemberId);
            });
            return button;
        };
        const items = [];
        if (participant.role === 'AGENT') {
            items.push(item(s.accessWrite, () => this.setAccess(conversationId, participant, 'WRITE'),
                { checked: participant.access === 'WRITE' }));
            items.push(item(s.accessReadOnly, () => this.setAccess(conversationId, participant, 'READ_ONLY'),
                { checked: participant.access === 'READ_ONLY' }));
            items.push(el('hr'));
        } else if (participant.role === 'WATCHER') {
            items.push(el('div', { class: 'mu-menu-note menu-note' }, s.watchersOnlyRead));
            items.push(el('hr'));
        }
        const remove = async () => {
            await this.ctx.client.removeParticipant(conversationId, participant.teamMemberId);
            this.removed(conversationId, participant.teamMemberId);
        };
        items.push(item(s.removeFromChat, remove, { danger: true }));
        this.menu.replaceChildren(...items);
        const box = anchor.getBoundingClientRect();
        const width = this.ownerDocument.documentElement.clientWidth || 1024;
        this.menu.style.top = `${box.bottom + 4}px`;
        this.menu.style.left = `${Math.max(8, Math.min(box.right - 200, width - 208))}px`;
        this.menu.hidden = false;
        this.menuAnchor = anchor;
        anchor.setAttribute('aria-expanded', 'true');
        this.menu.querySelector('button')?.focus();
    }

    /**
     * After a menu action the list is drawn afresh and the button the focus was on is gone, which leaves the focus
     * on the page's body (outside the drawer: Tab and Esc then miss it). Put it on the participant's new button, or
     * on the first control here.
     */
    #keepFocus(teamMemberId) {
        const active = this.ownerDocument.activeElement;
        if (active && active !== this.ownerDocument.body && active.isConnected) return;
        if (this.hidden) return;
        const again = [...this.list.querySelectorAll('li[data-team-member-id]')]
            .find(row => row.dataset.teamMemberId === teamMemberId)?.querySelector('button.more');
        (again || (this.addButton.hidden ? null : this.addButton) || focusableIn(this)[0])?.focus();
    }

    closeMenu() {
        if (this.menu.hidden) return;
        this.menu.hidden = true;
        this.menuAnchor?.setAttribute('aria-expanded', 'false');
    }

    async setAccess(conversationId, participant, access) {
        const changed = await this.ctx.client.setParticipant(conversationId, participant.teamMemberId, access);
        this.changed(conversationId, changed);
    }

    changed(conversationId, participant) {
        const ctx = this.ctx;
        const open = ctx.open;
        if (participant.teamMemberId === ctx.me.actor.id && open?.id === conversationId) {
            open.access = participant.access;
            ctx.emit('access', { access: participant.access });
        }
        if (open?.id === conversationId) {
            const others = open.participants.filter(p => p.teamMemberId !== participant.teamMemberId);
            open.participants = [...others, participant].sort((a, b) => a.displayName.localeCompare(b.displayName));
            ctx.names.set(`TEAM_MEMBER:${participant.teamMemberId}`, participant.displayName);
            this.render();
            ctx.participantsChanged();
        }
    }

    removed(conversationId, teamMemberId) {
        const ctx = this.ctx;
        const open = ctx.open;
        if (teamMemberId === ctx.me.actor.id && !ctx.canManage) {
            if (open?.id === conversationId) {
                ctx.requestClose(this.s.removedFrom(open.conversation.clientName || this.s.thisClient));
            }
            return;
        }
        if (open?.id === conversationId) {
            open.participants = open.participants.filter(p => p.teamMemberId !== teamMemberId);
            this.render();
            ctx.participantsChanged();
        }
    }

    #onEvent(type, event) {
        if (type === 'ParticipantAdded' || type === 'ParticipantAccessChanged') {
            this.changed(event.conversationId, event.participant);
        } else if (type === 'ParticipantRemoved') {
            this.removed(event.conversationId, event.teamMemberId);
        }
    }

    // --- "Add participants"

    #buildAddDialog() {
        const s = this.s;
        const shell = dialogShell({ id: 'add-dialog', title: s.addParticipants, hint: s.addHint });
        this.candidates = el('ul', { class: 'mu-pick-list pick-list', id: 'add-candidates' });
        this.addSubmit = el('button', { class: 'mu-btn mu-btn-primary btn btn-primary', type: 'submit',
            id: 'add-submit', disabled: true }, s.add);
        this.addAlert = el('p', { class: 'mu-alert', role: 'alert', hidden: true });
        const form = el('form', { id: 'add-form' }, shell.head, this.candidates, this.addAlert,
            el('footer', { class: 'mu-dialog-foot dialog-foot' },
                el('button', { class: 'mu-btn mu-btn-ghost btn btn-ghost', type: 'button', 'data-close': true },
                    s.cancel),
                this.addSubmit));
        shell.panel.append(form);
        this.addModal = shell.modal;
        this.after(shell.overlay);
        this.candidates.addEventListener('change', () => {
            this.addSubmit.disabled = !this.candidates.querySelector('input:checked');
        });
        form.addEventListener('submit', event => { event.preventDefault(); this.addSelected(); });
    }

    openAddDialog() {
        const s = this.s;
        const taken = new Set(this.ctx.open.participants.map(p => p.teamMemberId));
        const candidates = this.ctx.team.filter(member => !taken.has(member.id));
        this.candidates.replaceChildren(...candidates.map(member => {
            const access = member.role === 'AGENT'
                ? el('select', { class: 'mu-select access-select', 'aria-label': s.accessFor(member.displayName) },
                    el('option', { value: 'WRITE' }, s.accessWrite),
                    el('option', { value: 'READ_ONLY' }, s.accessReadOnly))
                : el('span', { class: 'mu-access access' }, member.role === 'WATCHER' ? s.accessRead : s.accessWrite);
            return el('li', { class: 'mu-pick pick', 'data-team-member-id': member.id },
                el('label', { class: 'mu-pick-label pick-label' },
                    el('input', { type: 'checkbox', value: member.id }),
                    avatar(member.displayName, 'avatar-sm mu-avatar-sm'),
                    el('span', { class: 'mu-person-text person-text' },
                        el('span', { class: 'mu-person-name person-name' }, member.displayName),
                        el('span', { class: 'mu-muted muted small' },
                            [s.roleNames[member.role], member.title].filter(Boolean).join(' · ')))),
                access);
        }));
        if (candidates.length === 0) this.candidates.append(el('li', { class: 'mu-muted muted' }, s.everyoneHere));
        this.addSubmit.disabled = true;
        this.addAlert.hidden = true;
        this.addModal.open();
    }

    async addSelected() {
        const conversationId = this.ctx.open.id;
        const picks = [...this.candidates.querySelectorAll('li.mu-pick')]
            .filter(row => row.querySelector('input:checked'));
        this.addSubmit.disabled = true;
        try {
            for (const row of picks) {
                const member = this.ctx.team.find(m => m.id === row.dataset.teamMemberId);
                const select = row.querySelector('select');
                const access = member.role === 'WATCHER' ? 'READ_ONLY' : select ? select.value : 'WRITE';
                this.changed(conversationId, await this.ctx.client.setParticipant(conversationId, member.id, access));
            }
            this.addModal.close();
        } catch (error) {
            this.addAlert.textContent = this.ctx.errorText(error, 'participants');
            this.addAlert.hidden = false;
            this.addSubmit.disabled = false;
        }
    }
}
