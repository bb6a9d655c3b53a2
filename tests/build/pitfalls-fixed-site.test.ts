import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, ROOT, type BuildRun } from '../support/build-site';
import { openPage } from '../support/open-page';

const CONTENT = path.join(ROOT, 'tests/fixtures/pitfalls-fixed/content');

/** The other half of tests/unit/check-pitfalls.test.ts: the pages `check` passes once fixed also build. */
describe('a site whose pasted pages had every pitfall fixed', () => {
	let run: BuildRun;
	beforeAll(async () => {
		run = await buildSite('pitfalls-fixed', 'tests/fixtures/pitfalls-fixed/content');
	});

	it('builds, and shows the escaped text as written', async () => {
		expect(run.status, run.stderr).toBe(0);
		const page = await openPage(run.outDir, CONTENT, 'acme/updates/2026-01-16/index.html');
		expect(page).toContain('{TBD}');
		expect(page).toContain('&lt;Chart');
	});
});
