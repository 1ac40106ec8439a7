/*
 * Attachments chosen for a draft (the composer's, the announcement dialog's): each file checked against the
 * server's limits before it is sent, uploaded one at a time, and shown as a chip with its state and a remove button.
 * The host element keeps `uploads` (items {file, attachment, failed}), a `tray` element and `renderTray()`.
 */
import { el, fileSize } from './dom.js';
import { fileProblem } from './strings.js';

/**
 * Uploads `files` into `host.uploads`, telling `alert` (a function of a human sentence) of a file the limits refuse
 * or an upload that fails; `beforeEach` runs before a file that passed the checks starts uploading.
 */
export async function uploadInto(host, files, alert, beforeEach = () => {}) {
    for (const file of files) {
        const problem = fileProblem(file, host.ctx.limits);
        if (problem) {
            alert(problem);
            continue;
        }
        beforeEach();
        const item = { file, attachment: null, failed: false };
        host.uploads.push(item);
        host.renderTray();
        try {
            item.attachment = await host.ctx.client.upload(file);
        } catch (error) {
            item.failed = true;
            alert(`“${file.name}”: ${host.ctx.errorText(error, 'upload')}`);
        }
        host.renderTray();
    }
}

/** The chips of `host.uploads`; removing one re-renders the tray, then runs `afterRemove`. */
export function uploadChips(host, afterRemove = () => {}) {
    const s = host.s;
    return host.uploads.map(item => {
        const state = item.failed ? ' failed' : item.attachment ? ' ready' : '';
        const remove = el('button', { type: 'button', class: 'mu-chip-remove chip-remove',
            'aria-label': `${s.removeAttachment} ${item.file.name}` }, '×');
        remove.addEventListener('click', () => {
            host.uploads = host.uploads.filter(other => other !== item);
            host.renderTray();
            afterRemove();
        });
        return el('span', { class: `mu-chip chip${state}` },
            el('span', { class: 'mu-chip-name chip-name' },
                item.attachment ? item.attachment.filename : item.file.name),
            el('span', { class: 'mu-muted muted small' },
                item.failed ? s.uploadFailed : item.attachment ? fileSize(item.attachment.size) : s.uploading),
            remove);
    });
}
