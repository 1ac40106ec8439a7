/*
 * <messaging-team-state>: the open conversation's assignee and team status (team only; clients never see them).
 * Agents with write access and managers change them; read-only agents and watchers see them. Used inside
 * messaging-conversation's header.
 */
import { MessagingElement } from '../element.js';
import { el } from '../dom.js';

export class MessagingTeamState extends MessagingElement {
    build(ctx) {
        this.ctx = ctx;
        const s = ctx.strings;
        this.classList.add('mu-team-state', 'team-state');
        this.hidden = true;
        this.assignee = el('select', { id: 'assignee-select', class: 'mu-select team-select' });
        this.status = el('select', { id: 'status-select', class: 'mu-select team-select' },
            ...['OPEN', 'WAITING', 'DONE'].map(v => el('option', { value: v }, s.statusLongNames[v])));
        this.replaceChildren(
            el('label', { class: 'mu-team-field team-field' }, el('span', {}, s.assignee), this.assignee),
            el('label', { class: 'mu-team-field team-field' }, el('span', {}, s.status), this.status));
        this.assignee.addEventListener('change',
            () => this.#change(open => ctx.client.assign(open.id, this.assignee.value || null)));
        this.status.addEventListener('change',
            () => this.#change(open => ctx.client.setStatus(open.id, this.status.value)));
        this.listen('opened', () => this.render());
        this.listen('closed', () => { this.hidden = true; });
        this.listen('participants', () => this.render());
        this.listen('access', () => this.render());
        this.listen('feed', ({ type, data }) => {
            if (type !== 'ConversationAssigned' && type !== 'ConversationStatusChanged') return;
            const open = ctx.open;
            if (open?.id !== data.conversationId || !open.conversation.team) return;
            const known = open.conversation.team;
            this.#apply(type === 'ConversationAssigned'
                ? { ...known, assigneeId: data.assigneeId, assigneeName: data.assigneeName, changedAt: data.at }
                : { ...known, status: data.status, changedAt: data.at });
        });
        this.render();
    }

    render() {
        const open = this.ctx.open;
        const team = open?.conversation.team;
        this.hidden = !this.ctx.isTeam || !team;
        if (this.hidden) return;
        const candidates = this.ctx.visibleTeam();
        this.assignee.replaceChildren(el('option', { value: '' }, this.ctx.strings.unassigned),
            ...candidates.map(member => el('option', { value: member.id }, member.displayName)));
        if (team.assigneeId && !candidates.some(member => member.id === team.assigneeId)) {
            this.assignee.append(el('option', { value: team.assigneeId }, team.assigneeName || team.assigneeId));
        }
        this.assignee.value = team.assigneeId || '';
        this.status.value = team.status;
        const mayChange = open.access === 'WRITE' && this.ctx.me.role !== 'WATCHER';
        this.assignee.disabled = !mayChange;
        this.status.disabled = !mayChange;
        this.dataset.status = team.status;
        this.dataset.assignee = team.assigneeId || '';
    }

    async #change(call) {
        const open = this.ctx.open;
        try {
            const team = await call(open);
            if (this.ctx.open === open) this.#apply(team);
        } catch (error) {
            this.ctx.notify(this.ctx.errorText(error, 'assign'), 'error');
            this.render();   // back to what it is
        }
    }

    #apply(team) {
        const open = this.ctx.open;
        open.conversation = { ...open.conversation, team };
        this.ctx.emit('team-state', { conversationId: open.id, team });
        this.render();
    }
}
