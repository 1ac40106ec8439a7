/*
 * Message text as DOM nodes: text nodes for everything, and <a> elements for http and https URLs only. Nothing is
 * ever parsed as markup, and no other scheme (javascript:, data:, vbscript:, file:) becomes a link.
 */

/** An http(s) URL up to the next whitespace or angle bracket; closing punctuation is trimmed off below. */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
/** Punctuation that ends a sentence rather than a URL ("see https://x.example/a." or "(https://x.example)"). */
const TRAILING = /[.,;:!?'")\]}]+$/;

/**
 * Splits text into [{text}] and [{text, href}] parts. The href is the parsed URL's own serialisation, and only
 * if its protocol is http: or https: with a host.
 */
export function linkParts(text) {
    const parts = [];
    const source = String(text ?? '');
    let at = 0;
    for (const match of source.matchAll(URL_PATTERN)) {
        let candidate = match[0];
        const trailing = TRAILING.exec(candidate);
        if (trailing) candidate = candidate.slice(0, candidate.length - trailing[0].length);
        const href = safeHref(candidate);
        if (!href) continue;
        if (match.index > at) parts.push({ text: source.slice(at, match.index) });
        parts.push({ text: candidate, href });
        at = match.index + candidate.length;
    }
    if (at < source.length) parts.push({ text: source.slice(at) });
    return parts;
}

/** The URL if it is a well-formed http(s) URL with a host, else null. */
export function safeHref(candidate) {
    let url;
    try {
        url = new URL(candidate);
    } catch {
        return null;
    }
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) return null;
    return url.href;
}

/** A fragment of text nodes and safe links (new tab, no opener, no referrer) for the given text. */
export function linkify(text, doc = document) {
    const fragment = doc.createDocumentFragment();
    for (const part of linkParts(text)) {
        if (part.href) {
            const link = doc.createElement('a');
            link.href = part.href;
            link.target = '_blank';
            link.rel = 'noopener noreferrer';
            link.className = 'mu-link';
            link.textContent = part.text;
            fragment.append(link);
        } else {
            fragment.append(doc.createTextNode(part.text));
        }
    }
    return fragment;
}
