import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { errorMessage, strings, typeNames } from '../src/strings.js';
import { ApiError } from '../src/messaging-client.js';

const LIMITS = { maxTextLength: 10000, maxAttachmentBytes: 10 * 1024 * 1024, maxAttachmentsPerMessage: 10,
    allowedContentTypes: ['application/pdf', 'image/png', 'image/jpeg'], editWindowSeconds: 900 };

const error = (status, problem = {}) => new ApiError(status,
    { status, title: 'Forbidden', detail: 'TEAM_MEMBER ava may not post in conversation 01a2ff', ...problem });

describe('error messages in people\'s words', () => {
    test('never the server\'s detail, ids or enum names', () => {
        for (const status of [400, 403, 404, 409, 413, 415, 429, 500, 503]) {
            for (const action of ['send', 'edit', 'delete', 'upload', 'announce', 'load']) {
                const text = errorMessage(error(status), { action, limits: LIMITS });
                assert.ok(text.length > 10, `${status} ${action}`);
                assert.doesNotMatch(text, /TEAM_MEMBER|01a2|ava may|HTTP|application\//,
                    `${status} ${action}: ${text}`);
            }
        }
    });

    test('a post the server refuses says the conversation can\'t be written in', () => {
        assert.equal(errorMessage(error(403), { action: 'send' }), 'You cannot write in this conversation.');
    });

    test('limits are named where they apply', () => {
        assert.equal(errorMessage(error(413, { code: 'too_large' }), { action: 'upload', limits: LIMITS }),
            'Files can be up to 10 MB.');
        assert.equal(errorMessage(error(400, { code: 'too_large', field: 'text' }), { action: 'send', limits: LIMITS }),
            'Messages can be up to 10,000 characters.');
        assert.equal(errorMessage(error(400, { field: 'attachmentIds' }), { action: 'send', limits: LIMITS }),
            'A message can have up to 10 attachments.');
    });

    test('a refused type names the allowed ones, not content types', () => {
        const text = errorMessage(error(415, { detail: 'content type application/octet-stream is not allowed' }),
            { action: 'upload', limits: LIMITS });
        assert.equal(text, 'This type of file cannot be sent. Allowed are PDF, PNG, JPEG.');
    });

    test('the problem\'s code wins over its status; without limits the words stay general', () => {
        assert.equal(errorMessage(error(400, { code: 'rate_limited' }), { action: 'send' }),
            'That was a lot at once. Please wait a moment and try again.');
        assert.equal(errorMessage(error(413), { action: 'upload' }), 'This file is too large.');
    });

    test('no answer at all is a connection problem, not "something went wrong"', () => {
        const text = errorMessage(new TypeError('Failed to fetch'), { action: 'send' });
        assert.match(text, /could not be reached|offline/);
    });

    test('the attach hint names the size and the types', () => {
        assert.equal(strings.attachHint(LIMITS), 'Files up to 10 MB: PDF, PNG, JPEG');
        assert.equal(strings.attachHint(null), '');
        assert.deepEqual(typeNames(['image/jpeg', 'image/png', 'application/x-thing']), ['JPEG', 'PNG', 'X-THING']);
    });

    test('the confirm step names how many clients', () => {
        assert.equal(strings.confirmSend(false, 3), 'Send to 3 clients?');
        assert.equal(strings.confirmSend(false, 1), 'Send to 1 client?');
        assert.equal(strings.confirmSend(true, 250), 'Send to all 250 clients?');
    });
});
