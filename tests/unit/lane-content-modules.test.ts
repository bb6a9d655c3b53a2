import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { laneContentModules, RUN_LISTS } from '@/integrations/lane-content-modules';

const root = mkdtempSync(path.join(tmpdir(), 'glasshouse-lane-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Runs the integration's hooks the way Astro does, collecting the Vite plugin it adds. */
function setUp(onSynced: () => void, projectRoot = root) {
	const integration = laneContentModules(onSynced);
	const plugins: Plugin[] = [];
	const hooks = integration.hooks as Record<string, (options: unknown) => unknown>;
	hooks['astro:config:setup']!({
		config: { root: pathToFileURL(`${projectRoot}/`) },
		updateConfig: (config: { vite: { plugins: Plugin[] } }) => plugins.push(...config.vite.plugins),
	});
	const load = (id: string) => (plugins[0]!.load as (id: string) => string | undefined)(id);
	return { buildStart: () => hooks['astro:build:start']!({}), load };
}

describe('laneContentModules', () => {
	it("answers Vite's load of the module lists with their text as this run synced them, not as a later run rewrote them", async () => {
		const dotAstro = path.join(root, '.astro');
		mkdirSync(dotAstro, { recursive: true });
		for (const name of RUN_LISTS) writeFileSync(path.join(dotAstro, name), `export default "${name} of run 1";`);
		let synced = 0;
		const run = setUp(() => synced++);
		await run.buildStart();
		expect(synced).toBe(1);
		// Another run syncs its own clients into the same files.
		for (const name of RUN_LISTS) writeFileSync(path.join(dotAstro, name), `export default "${name} of run 2";`);
		for (const name of RUN_LISTS) {
			expect(run.load(path.join(dotAstro, name))).toBe(`export default "${name} of run 1";`);
			expect(run.load(`${path.join(dotAstro, name)}?import`)).toBe(`export default "${name} of run 1";`);
		}
		// Any other module is Vite's to load.
		expect(run.load(path.join(root, 'src', 'page.ts'))).toBeUndefined();
	});

	it('keeps nothing for a list the sync did not write, and still lets the next run start', async () => {
		const empty = mkdtempSync(path.join(tmpdir(), 'glasshouse-lane-empty-'));
		try {
			let synced = false;
			const run = setUp(() => (synced = true), empty);
			await run.buildStart();
			expect(synced).toBe(true);
			expect(run.load(path.join(empty, '.astro', RUN_LISTS[0]!))).toBeUndefined();
		} finally {
			rmSync(empty, { recursive: true, force: true });
		}
	});
});
