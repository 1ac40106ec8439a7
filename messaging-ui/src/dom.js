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

/** An inline SVG icon (decorative: hidden from assistive technology) from one path. */
export function icon(d, extraClass = '') {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('class', `mu-icon icon ${extraClass}`.trim());
    svg.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.append(path);
    return svg;
}

export const ICONS = {
    search: 'M10 2a8 8 0 0 1 6.3 12.9l5.4 5.4-1.4 1.4-5.4-5.4A8 8 0 1 1 10 2zm0 2a6 6 0 1 0 0 12 6 6 0 0 0 0-12z',
    megaphone: 'M3 10v4a1 1 0 0 0 1 1h2l4 4V5L6 9H4a1 1 0 0 0-1 1zm13.5 2A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z',
    lock: 'M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5z'
        + 'm-3 8V7a3 3 0 0 1 6 0v3z',
    clip: 'M16.5 6.5 8.4 14.6a1.5 1.5 0 0 0 2.1 2.1l8.1-8.1a3.5 3.5 0 0 0-5-5L5.2 12.1a5.5 5.5 0 0 0 7.8 7.8l6.3-6.3'
        + '-1.4-1.4-6.3 6.3a3.5 3.5 0 0 1-5-5l8.5-8.5a1.5 1.5 0 0 1 2.1 2.1l-8.1 8.1',
    plus: 'M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z',
    people: 'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8zm7 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3.3 3.1-6 7-6s7 2.7 7 6zm15 0'
        + 'c0-1.8-.7-3.4-1.9-4.7 3.1.3 6.9 1.8 6.9 4.7z',
    chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2z',
    back: 'M15.4 5.4 14 4l-8 8 8 8 1.4-1.4L8.8 12z',
};
