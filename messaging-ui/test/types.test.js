import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

test('the declarations compile against a host\'s usage (tsc --noEmit)', () => {
    const tsc = require.resolve('typescript/bin/tsc');
    const project = fileURLToPath(new URL('./tsconfig.json', import.meta.url));
    let output = '';
    try {
        output = execFileSync(process.execPath, [tsc, '--noEmit', '-p', project], { encoding: 'utf8' });
    } catch (error) {
        assert.fail(`tsc reported errors:\n${error.stdout}${error.stderr}`);
    }
    assert.equal(output.trim(), '');
});
