import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '@/lib/list-files';
import { findBrokenLinks } from '@/post-build/find-broken-links';
import { buildSite, ROOT, type BuildRun } from '../support/build-site';
import { openPage } from '../support/open-page';

const CONTENT = path.join(ROOT, 'tests/fixtures/minimal/content');
// Alpha's second password entry is chosen by the client and read from the environment.
const ALPHA_OFFICE_PASSWORD = 'quartz-lantern-orbit-mosaic-fable';
process.env.ALPHA_OFFICE_PASSWORD = ALPHA_OFFICE_PASSWORD;

describe('a minimal site under a base path', () => {
	let run: BuildRun;
	beforeAll(async () => {
		run = await buildSite('minimal', 'tests/fixtures/minimal/content', { base: '/repo/', env: { ALPHA_OFFICE_PASSWORD } });
	});
	const page = (file: string) => openPage(run.outDir, CONTENT, file);

	it('builds with no broken links', async () => {
		expect(run.status, run.stderr).toBe(0);
		expect(await findBrokenLinks(run.outDir, '/repo/')).toEqual([]);
	});

	it('renders an empty state for a client without updates', async () => {
		expect(await page('beta/index.html')).toContain('第一份状态周报尚未发布');
		expect(await page('beta/updates/index.html')).toMatch(/<html lang="zh-CN"/);
	});

	it("keeps one client's words out of the other client's pages", async () => {
		const betaPages = (await listFiles(run.outDir)).filter((file) => file.startsWith('beta/') && file.endsWith('.html'));
		expect(betaPages.length).toBeGreaterThan(3);
		for (const file of betaPages) expect(await page(file)).not.toContain('alphaquokka');
		expect(await page('alpha/updates/2026-01-09/index.html')).toContain('alphaquokka');
	});
});
