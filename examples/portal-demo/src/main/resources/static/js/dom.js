/*
 * DOM helpers. Every piece of user-supplied text (messages, names, file names) goes into the page through
 * el()'s string children or textContent: it is shown as text and never parsed as markup.
 */

/** Creates an element; attributes are set with setAttribute, string children become text nodes. */
export function el(tag, attributes = {}, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
        if (value === false || value === null || value === undefined) continue;
        element.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat()) {
        if (child === null || child === undefined || child === false) continue;
        element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
}

export function initials(name) {
    const words = String(name || '?').trim().split(/\s+/).filter(word => /\p{L}|\p{N}/u.test(word));
    const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
    return letters.map(word => Array.from(word)[0]).join('').toUpperCase() || '?';
}

/** A stable, pleasant colour per name for avatars. */
export function hue(name) {
    let hash = 0;
    for (const ch of String(name)) hash = (hash * 31 + ch.codePointAt(0)) | 0;
    return Math.abs(hash) % 360;
}

export function avatar(name, extraClass = '') {
    const node = el('span', { class: `avatar ${extraClass}`.trim(), 'aria-hidden': 'true' }, initials(name));
    node.style.setProperty('--hue', hue(name));
    return node;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const fullFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** 14:05 today, else 3 Mar. */
export function shortTime(iso) {
    if (!iso) return '';
    const date = new Date(iso);
    const today = new Date();
    return date.toDateString() === today.toDateString() ? timeFormat.format(date) : dayFormat.format(date);
}

export function fullTime(iso) {
    return iso ? fullFormat.format(new Date(iso)) : '';
}

export function fileSize(bytes) {
    if (bytes < 1024) return `${bytes} B`;
    if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
