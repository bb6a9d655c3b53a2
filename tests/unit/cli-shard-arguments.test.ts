import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { TEST_SECRET } from '../support/open-page';
import { cli, MINIMAL_CONTENT } from '../support/temp-content';

const work = mkdtempSync(path.join(tmpdir(), 'glasshouse-shard-args-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('glasshouse build --shard and merge: arguments', () => {
	it.each([
		['3/2', 'numbered from 1 to 2, found 3'],
		['0/4', 'numbered from 1 to 4, found 0'],
		['x/y', 'expects I/N'],
		['1/0', 'between 1 and 64'],
	])('refuses --shard %s with what was expected, before building anything', async (spec, message) => {
		const out = path.join(work, `never-${spec.replace('/', '-')}`);
		const run = await cli(MINIMAL_CONTENT, ['build', '--shard', spec, '--out', out]);
		expect(run.code).toBe(1);
		expect(run.text).toContain(message);
		expect(run.text).toContain('Usage: glasshouse build');
		expect(run.text).not.toMatch(/\n\s+at /);
		expect(existsSync(out)).toBe(false);
	});

	it('refuses --shard without --out, and with --demo', async () => {
		const noOut = await cli(MINIMAL_CONTENT, ['build', '--shard', '1/2']);
		expect(noOut.code).toBe(1);
		expect(noOut.text).toContain('needs --out DIR');
		const demo = await cli(MINIMAL_CONTENT, ['build', '--shard', '1/2', '--demo', '--out', path.join(work, 'demo')]);
		expect(demo.code).toBe(1);
		expect(demo.text).toContain('cannot be combined with --demo');
	});

	it('refuses a merge without shard folders, or of a folder that does not exist', async () => {
		const none = await cli(MINIMAL_CONTENT, ['merge', '--out', path.join(work, 'dist')]);
		expect(none.code).toBe(1);
		expect(none.text).toContain('Give the shard folders to merge');
		const missing = await cli(MINIMAL_CONTENT, ['merge', path.join(work, 'no-such-shard'), '--out', path.join(work, 'dist')]);
		expect(missing.code).toBe(1);
		expect(missing.text).toMatch(/Shard folder .*no-such-shard does not exist/);
		expect(existsSync(path.join(work, 'dist'))).toBe(false);
	});

	it('refuses a folder that is not a shard, and writes nothing', async () => {
		vi.stubEnv('GLASSHOUSE_SECRET', TEST_SECRET);
		try {
			const run = await cli(MINIMAL_CONTENT, ['merge', MINIMAL_CONTENT, '--out', path.join(work, 'dist')]);
			expect(run.code).toBe(1);
			expect(run.text).toContain('is not a shard folder');
			expect(run.text).toContain('Nothing was written to');
			expect(existsSync(path.join(work, 'dist'))).toBe(false);
		} finally {
			vi.unstubAllEnvs();
		}
	});
});
