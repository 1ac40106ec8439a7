/*
 * Dialogs and the participants drawer: role="dialog" with aria-modal, Esc closes, Tab and Shift+Tab stay inside,
 * focus goes back where it came from. Built on plain elements rather than <dialog>, so that it behaves the same in
 * every browser and under test.
 */
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]),'
    + ' textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * The controls of a panel that Tab stops at now (not disabled, not inside something hidden), in order. Of a group
 * of radio buttons Tab stops at the checked one only (or the first, when none is), so the others are left out:
 * else Shift+Tab on the checked one, when it is not the first of its group, would leave the dialog.
 */
export function focusableIn(panel) {
    const nodes = [...panel.querySelectorAll(FOCUSABLE)].filter(node => !node.closest('[hidden]'));
    return nodes.filter(node => {
        if (node.type !== 'radio' || !node.name) return true;
        const group = nodes.filter(other => other.type === 'radio' && other.name === node.name);
        const stop = group.find(other => other.checked) || group[0];
        return node === stop;
    });
}

/** Keeps Tab and Shift+Tab inside the panel: from the last control to the first and back. */
export function keepFocusIn(panel, event) {
    if (event.key !== 'Tab') return;
    const nodes = focusableIn(panel);
    if (nodes.length === 0) {
        event.preventDefault();
        return;
    }
    const first = nodes[0];
    const last = nodes[nodes.length - 1];
    const active = panel.ownerDocument.activeElement;
    if (event.shiftKey && (active === first || !panel.contains(active))) {
        event.preventDefault();
        last.focus();
    } else if (!event.shiftKey && (active === last || !panel.contains(active))) {
        event.preventDefault();
        first.focus();
    }
}

export class Modal {
    /**
     * @param panel     the element that is the dialog (gets role="dialog", aria-modal)
     * @param overlay   the element shown and hidden (the panel itself or a backdrop around it)
     * @param onClose   called after it closed (by Esc, a [data-close] button, the backdrop or close())
     */
    constructor(panel, { overlay = panel, onClose = () => {}, labelledBy = null } = {}) {
        this.panel = panel;
        this.overlay = overlay;
        this.onClose = onClose;
        this.returnTo = null;
        panel.setAttribute('role', 'dialog');
        panel.setAttribute('aria-modal', 'true');
        if (labelledBy) panel.setAttribute('aria-labelledby', labelledBy);
        overlay.hidden = true;
        this.keys = event => this.#keys(event);
        panel.addEventListener('keydown', this.keys);
        panel.addEventListener('click', event => {
            const closer = event.target.closest('[data-close]');
            if (closer && panel.contains(closer)) this.close();
        });
        if (overlay !== panel) {
            overlay.addEventListener('mousedown', event => { if (event.target === overlay) this.close(); });
        }
    }

    get isOpen() {
        return !this.overlay.hidden;
    }

    /** Shows it and puts the focus on `focus` (or its first control). */
    open(focus = null) {
        this.returnTo = this.panel.ownerDocument.activeElement;
        this.overlay.hidden = false;
        const target = focus || this.focusable()[0] || this.panel;
        if (target === this.panel) this.panel.setAttribute('tabindex', '-1');
        target.focus();
    }

    close() {
        if (!this.isOpen) return;
        this.overlay.hidden = true;
        if (this.returnTo && this.returnTo.isConnected && typeof this.returnTo.focus === 'function') {
            this.returnTo.focus();
        }
        this.onClose();
    }

    focusable() {
        return focusableIn(this.panel);
    }

    #keys(event) {
        if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            this.close();
            return;
        }
        keepFocusIn(this.panel, event);
    }
}

/**
 * The frame of a dialog: a backdrop (what is shown and hidden) around the panel, its heading and hint. The panel
 * gets the id, so "is the dialog visible" is a question about the panel.
 */
export function dialogShell({ id, title, hint = null, wide = false, onClose = () => {} }) {
    const doc = document;
    const titleId = `${id}-title`;
    const panel = doc.createElement('div');
    panel.className = `mu-dialog dialog${wide ? ' mu-dialog-wide dialog-wide' : ''}`;
    panel.id = id;
    const overlay = doc.createElement('div');
    overlay.className = 'mu-modal';
    overlay.append(panel);
    const head = doc.createElement('header');
    head.className = 'mu-dialog-head dialog-head';
    const heading = doc.createElement('h2');
    heading.id = titleId;
    heading.textContent = title;
    head.append(heading);
    if (hint) {
        const note = doc.createElement('p');
        note.className = 'mu-muted muted';
        note.textContent = hint;
        head.append(note);
    }
    const modal = new Modal(panel, { overlay, onClose, labelledBy: titleId });
    return { overlay, panel, modal, head };
}
