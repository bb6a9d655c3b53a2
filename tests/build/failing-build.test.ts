import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, OUTPUT, runCheckCli } from '../support/build-site';

/** An earlier, successful build's output, which a failed build must not leave for a deploy step. */
function plantOldSite(name: string): string {
	const outDir = path.join(OUTPUT, name);
	mkdirSync(outDir, { recursive: true });
	writeFileSync(path.join(outDir, 'index.html'), 'stale site from an earlier build');
	return outDir;
}

const STACK_TRACE = /\n\s+at .+\(.+:\d+:\d+\)/;
const STRONG = 'quartz-lantern-orbit-mosaic-fable';

describe('a build that must fail', () => {
	it('on broken content: lists every problem and leaves no site behind, not even an old one', async () => {
		const outDir = plantOldSite('broken');
		const run = await buildSite('broken', 'tests/fixtures/broken/content');
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('tests/fixtures/broken/content/acme/client.yaml:5  locale: expected one of "en", "zh-CN", found "fr"');
		expect(run.stderr).toContain('tests/fixtures/broken/content/acme/milestones/loop-a.yaml:7  dependsOn: expected no cycle');
		expect(run.stderr).toContain('Nothing was written to dist/');
		expect(run.stderr).not.toMatch(STACK_TRACE);
		expect(existsSync(outDir)).toBe(false);
	});

	it('without GLASSHOUSE_SECRET: says how to create one and writes nothing', async () => {
		const outDir = plantOldSite('no-secret');
		// An unset repository secret reaches a GitHub Actions step as an empty string.
		const run = await buildSite('no-secret', 'tests/fixtures/minimal/content', {
			env: { GLASSHOUSE_SECRET: '', ALPHA_OFFICE_PASSWORD: STRONG },
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('GLASSHOUSE_SECRET is not set');
		expect(run.stderr).toContain('npm run glasshouse -- secret');
		expect(run.stderr).not.toMatch(STACK_TRACE);
		expect(existsSync(outDir)).toBe(false);
	});

	it('with a secret that is too short: refuses it', async () => {
		const run = await buildSite('short-secret', 'tests/fixtures/minimal/content', {
			env: { GLASSHOUSE_SECRET: 'abcdef0123456789', ALPHA_OFFICE_PASSWORD: STRONG },
		});
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('GLASSHOUSE_SECRET holds 8 bytes; at least 32 random bytes are required');
	});

	it('with a weak password chosen through passwordEnv: names the entry and writes nothing', async () => {
		const outDir = plantOldSite('weak-password');
		const run = await buildSite('weak-password', 'tests/fixtures/minimal/content', { env: { ALPHA_OFFICE_PASSWORD: 'Alpha2026!' } });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('alpha: the password in $ALPHA_OFFICE_PASSWORD (access entry "office") is too weak');
		expect(run.stderr).not.toMatch(STACK_TRACE);
		expect(existsSync(outDir)).toBe(false);
	});

	it('with a password variable that is not set: says which one', async () => {
		const run = await buildSite('unset-password', 'tests/fixtures/minimal/content', { env: { ALPHA_OFFICE_PASSWORD: undefined } });
		expect(run.status).toBe(1);
		expect(run.stderr).toContain('takes its password from $ALPHA_OFFICE_PASSWORD, which is not set');
	});

	it('when client text leaks into a public page: the leak scan names file and text, and nothing is published', async () => {
		const outDir = plantOldSite('leaky');
		const run = await buildSite('leaky', 'tests/fixtures/leaky/content', { env: { ALPHA_OFFICE_PASSWORD: STRONG } });
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/leak\(s\) of client content found in the output/);
		expect(run.stderr).toContain('index.html: "Alpha intranet" (from tests/fixtures/leaky/content/alpha/client.yaml)');
		expect(run.stderr).toContain('Nothing was written');
		expect(existsSync(outDir)).toBe(false);
	});
});

describe('glasshouse check', () => {
	it('exits 1 on broken content and names file, line and field', async () => {
		const run = await runCheckCli('tests/fixtures/broken/content');
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/acme\/updates\/2026-02-30\.mdx:5 {2}progress: expected at most 100, found 140/);
		expect(run.stderr).toMatch(/Content check failed: 2 client\(s\), \d+ error\(s\)/);
	});

	it('exits 0 on the demo and only warns about an overdue update', async () => {
		const run = await runCheckCli('content', ['--today', '2027-02-01']);
		expect(run.status).toBe(0);
		expect(run.stderr).toContain('warning communication.cadence: expected an update since 2026-11-27');
		expect(run.stdout).toContain('Content check passed');
	});
});
