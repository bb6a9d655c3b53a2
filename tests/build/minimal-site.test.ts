import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { findBrokenLinks, listFiles } from '../../src/integrations/glasshouse/find-broken-links';
import { buildSite, type BuildRun } from '../support/build-site';

describe('a minimal site under a base path', () => {
	let run: BuildRun;
	beforeAll(() => {
		run = buildSite('minimal', 'tests/fixtures/minimal/content', { base: '/repo/' });
	});
	const read = (file: string) => readFileSync(path.join(run.outDir, file), 'utf8');

	it('builds with no broken links', async () => {
		expect(run.status, run.stderr).toBe(0);
		expect(await findBrokenLinks(run.outDir, '/repo/')).toEqual([]);
	});

	it('renders an empty state for a client without updates', () => {
		expect(read('beta/index.html')).toContain('第一份状态周报尚未发布');
		expect(read('beta/updates/index.html')).toMatch(/<html lang="zh-CN"/);
	});

	it('keeps one client\'s words out of the other client\'s pages', async () => {
		const betaPages = (await listFiles(run.outDir)).filter((file) => file.startsWith('beta/'));
		expect(betaPages.length).toBeGreaterThan(3);
		for (const file of betaPages) expect(read(file)).not.toContain('alphaquokka');
		expect(read('alpha/updates/2026-01-09/index.html')).toContain('alphaquokka');
	});
});
