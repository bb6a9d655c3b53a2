import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanEnv, ROOT, runNode } from '../support/build-site';
import { MINIMAL_CONTENT } from '../support/temp-content';

/**
 * Attack: read the build machine's disk after a build was killed (out of memory, Ctrl-C, a CI
 * timeout). The build renders into `.glasshouse/staging/` and encrypts afterwards, so a killed
 * build left every page there in plaintext until the next build. Any command now removes it when
 * it starts, unless a build running in another process holds the lock and is using it.
 */

let project = '';
let leftover = '';

beforeEach(async () => {
	project = await mkdtemp(path.join(tmpdir(), 'glasshouse-crash-'));
	leftover = path.join(project, '.glasshouse', 'staging', '0123456789ab', 'alpha', 'updates', '2026-01-09');
	await mkdir(leftover, { recursive: true });
	await writeFile(path.join(leftover, 'index.html'), '<main>Alpha intranet: the zebrafinch ledger moved to Monday</main>');
});
afterEach(() => rm(project, { recursive: true, force: true }));

/** The real CLI, run from the project folder as a user would. */
const glasshouse = (...args: string[]) => runNode([path.join(ROOT, 'src/cli/bin.mjs'), ...args], cleanEnv({}), { cwd: project });
const lock = (pid: number) => writeFile(path.join(project, '.glasshouse', 'build.lock'), String(pid));

describe('plaintext pages left by a killed build', () => {
	it('stay while a running build holds the lock, and are removed by the next command once none does', async () => {
		// This test's own process stands for a build that is still running.
		await lock(process.pid);
		expect((await glasshouse('--help')).status).toBe(0);
		expect(existsSync(path.join(leftover, 'index.html'))).toBe(true);

		// The build was killed: its process is gone, its lock and its plaintext are not.
		await lock(2147483646);
		const check = await glasshouse('check', '--content', MINIMAL_CONTENT);
		expect(check.status, check.stderr).toBe(0);
		expect(check.stderr).toContain('Removed .glasshouse/staging/: plaintext pages of a build that did not finish.');
		expect(existsSync(path.join(project, '.glasshouse', 'staging'))).toBe(false);
		expect(existsSync(path.join(project, '.glasshouse', 'build.lock'))).toBe(false);
	});
});
