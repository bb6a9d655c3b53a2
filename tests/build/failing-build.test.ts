import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, OUTPUT, runCheckCli } from '../support/build-site';

describe('a build of broken content', () => {
	it('fails with every problem listed and leaves no site behind, not even an old one', () => {
		const outDir = path.join(OUTPUT, 'broken');
		mkdirSync(outDir, { recursive: true });
		writeFileSync(path.join(outDir, 'index.html'), 'stale site from an earlier build');

		const run = buildSite('broken', 'tests/fixtures/broken/content');

		expect(run.status).toBe(1);
		expect(run.stderr).toContain('tests/fixtures/broken/content/acme/client.yaml:5  locale: expected one of "en", "zh-CN", found "fr"');
		expect(run.stderr).toContain('tests/fixtures/broken/content/acme/milestones/loop-a.yaml:7  dependsOn: expected no cycle');
		expect(run.stderr).toContain('Nothing was written to dist/');
		expect(run.stderr).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/); // no stack trace
		expect(existsSync(outDir)).toBe(false);
	});
});

describe('glasshouse check', () => {
	it('exits 1 on broken content and names file, line and field', () => {
		const run = runCheckCli('tests/fixtures/broken/content');
		expect(run.status).toBe(1);
		expect(run.stderr).toMatch(/acme\/updates\/2026-02-30\.mdx:5 {2}progress: expected at most 100, found 140/);
		expect(run.stderr).toMatch(/Content check failed: 2 client\(s\), \d+ error\(s\)/);
	});

	it('exits 0 on the demo and only warns about an overdue update', () => {
		const run = runCheckCli('content', ['--today', '2027-02-01']);
		expect(run.status).toBe(0);
		expect(run.stderr).toContain('warning communication.cadence: expected an update since 2026-11-27');
		expect(run.stdout).toContain('Content check passed');
	});
});
