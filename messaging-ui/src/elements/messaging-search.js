/*
 * <messaging-search>: the search box and a panel of hits (newest first, a page at a time); a hit opens its
 * conversation at the message. Snippets are the server's plain text: text nodes, the matched words as <mark>
 * elements around text nodes. Used inside messaging-chat's toolbar.
 */
import { MessagingElement } from '../element.js';
import { ICONS, el, fullTime, icon, shortTime } from '../dom.js';

const PAGE = 10;

export class MessagingSearch extends MessagingElement {
    build(ctx) {
        this.ctx = ctx;
        const s = ctx.strings;
        this.s = s;
        this.search = { query: '', cursor: null, timer: null, generation: 0 };
        this.classList.add('mu-search');
        this.input = el('input', { type: 'search', id: 'search-input', placeholder: s.search, 'aria-label': s.search,
            maxlength: '200', autocomplete: 'off', enterkeyhint: 'search', 'aria-controls': 'search-panel' });
        this.form = el('form', { class: 'mu-search-form search-form', id: 'search-form', role: 'search' },
            icon(ICONS.search), this.input);
        this.status = el('span', { id: 'search-status', class: 'mu-muted muted', role: 'status' });
        this.results = el('ul', { class: 'mu-search-results search-results', id: 'search-results' });
        this.more = el('button', { class: 'mu-btn mu-btn-small mu-btn-block btn btn-small btn-block', id: 'search-more',
            type: 'button', hidden: true }, s.moreResults);
        const close = el('button', {
            class: 'mu-btn mu-btn-ghost mu-btn-small btn btn-ghost btn-small', id: 'search-close', type: 'button',
        }, s.close);
        this.panel = el('section', {
            class: 'mu-search-panel search-panel', id: 'search-panel', 'aria-label': 'Search results', hidden: true,
        }, el('header', { class: 'mu-search-head search-head' }, this.status, close), this.results, this.more);
        this.replaceChildren(this.form, this.panel);
        this.form.addEventListener('submit', event => {
            event.preventDefault();
            this.run(this.input.value);
        });
        this.input.addEventListener('input', () => {
            clearTimeout(this.search.timer);
            if (!this.input.value.trim()) {
                this.close();
                return;
            }
            this.search.timer = setTimeout(() => this.run(this.input.value), 350);
        });
        this.addEventListener('keydown', event => {
            if (event.key === 'Escape' && !this.panel.hidden) {
                this.close();
                this.input.focus();
            }
        });
        close.addEventListener('click', () => { this.close(); this.input.focus(); });
        this.more.addEventListener('click', () => this.loadPage());
    }

    async run(text) {
        clearTimeout(this.search.timer);
        this.search.query = text.trim();
        this.search.cursor = null;
        this.search.generation++;
        this.results.replaceChildren();
        // Under the box wherever the toolbar put it (on a phone it wraps onto a row of its own).
        const below = Math.round(this.form.getBoundingClientRect().bottom + 6);
        this.panel.style.setProperty('--mu-search-top', `${below}px`);
        if (!this.search.query) {
            this.close();
            return;
        }
        this.panel.hidden = false;
        await this.loadPage();
    }

    async loadPage() {
        const generation = this.search.generation;
        const s = this.s;
        this.status.textContent = s.searching;
        this.more.hidden = true;
        let page;
        try {
            page = await this.ctx.client.search(
                { q: this.search.query, limit: PAGE, cursor: this.search.cursor || undefined });
        } catch (error) {
            if (generation !== this.search.generation) return;
            this.status.textContent = error && error.status === 400 ? s.searchRefused : s.searchFailed;
            return;
        }
        if (generation !== this.search.generation) return;
        page.items.forEach(hit => this.results.append(this.#hit(hit)));
        this.search.cursor = page.nextCursor;
        this.more.hidden = !page.nextCursor;
        const shown = this.results.childElementCount;
        this.status.textContent = shown === 0 ? s.noHits : s.hits(shown, !!page.nextCursor);
    }

    #hit(hit) {
        const { message } = hit;
        const ctx = this.ctx;
        const where = el('span', { class: 'mu-search-hit-where search-hit-where' },
            ctx.summaries.get(message.conversationId)?.conversation.clientName || this.s.conversation);
        const button = el('button', { type: 'button', class: 'mu-search-hit-button' },
            el('span', { class: 'mu-search-hit-meta search-hit-meta' },
                ctx.isTeam ? where : null,
                el('span', { class: 'mu-search-hit-author search-hit-author' },
                    ctx.isMine(message) ? this.s.you : message.authorName),
                el('time', { datetime: message.createdAt, title: fullTime(message.createdAt) },
                    shortTime(message.createdAt))),
            snippetNode(hit));
        const row = el('li', { class: 'mu-search-hit search-hit', 'data-message-id': message.id,
            'data-conversation-id': message.conversationId }, button);
        if (ctx.isTeam && !ctx.summaries.has(message.conversationId)) {
            ctx.client.conversation(message.conversationId)
                .then(c => { where.textContent = c.clientName; }).catch(() => {});
        }
        row.addEventListener('click', () => this.openHit(message));
        return row;
    }

    openHit(message) {
        this.close();
        this.ctx.emit('open-request', { conversationId: message.conversationId, messageId: message.id });
    }

    close() {
        clearTimeout(this.search.timer);
        this.search.generation++;
        this.panel.hidden = true;
    }
}

/** The snippet as text nodes, each highlight a <mark> holding a text node: never parsed as markup. */
export function snippetNode(hit) {
    const node = el('span', { class: 'mu-search-snippet search-snippet' });
    let at = 0;
    for (const { start, end } of hit.highlights || []) {
        if (start < at || end > hit.snippet.length) continue;
        node.append(document.createTextNode(hit.snippet.slice(at, start)),
            el('mark', {}, hit.snippet.slice(start, end)));
        at = end;
    }
    node.append(document.createTextNode(hit.snippet.slice(at)));
    return node;
}
