import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { CACHED_STYLESHEET, STYLESHEET, stylesheetCache } from '@/integrations/stylesheet-cache';

const ROOT = '/project';
const STYLESHEET_ID = `${ROOT}/${STYLESHEET}`;
const PROCESSED = '.card{border-radius:.75rem}\n';

/** Vite's hooks as a build calls them: `load` of the first plugin, `transform` of the second. */
function hooks(cacheDir: string) {
	const [loader, storer] = stylesheetCache(ROOT, cacheDir) as [Plugin, Plugin];
	return {
		load: (id: string) => (loader.load as (id: string) => string | undefined)(id),
		transform: (code: string, id: string) => (storer.transform as (code: string, id: string) => Promise<undefined>)(code, id),
		loader,
		storer,
	};
}

describe("Tailwind's stylesheet kept between builds", () => {
	it('stores what PostCSS made of the stylesheet on the first build and hands it to the next one', async () => {
		const cacheDir = await mkdtemp(path.join(tmpdir(), 'gh-stylesheet-'));
		const first = hooks(cacheDir);
		expect(first.load(STYLESHEET_ID)).toBeUndefined();
		await first.transform(PROCESSED, STYLESHEET_ID);
		expect(await readFile(path.join(cacheDir, CACHED_STYLESHEET), 'utf8')).toBe(PROCESSED);
		expect(hooks(cacheDir).load(STYLESHEET_ID)).toBe(PROCESSED);
	});

	it('loads before Vite and stores after its CSS plugin, in builds only', () => {
		const { loader, storer } = hooks('/unused');
		expect(loader.enforce).toBe('pre');
		expect(storer.enforce).toBeUndefined();
		expect([loader.apply, storer.apply]).toEqual(['build', 'build']);
	});

	it('does not write over the cached text with what it made of it', async () => {
		const cacheDir = await mkdtemp(path.join(tmpdir(), 'gh-stylesheet-'));
		await writeFile(path.join(cacheDir, CACHED_STYLESHEET), PROCESSED);
		const again = hooks(cacheDir);
		expect(again.load(STYLESHEET_ID)).toBe(PROCESSED);
		await again.transform('.card{border-radius:1rem}\n', STYLESHEET_ID);
		expect(await readFile(path.join(cacheDir, CACHED_STYLESHEET), 'utf8')).toBe(PROCESSED);
	});

	it('leaves other modules alone, and never stores a text Vite would rewrite urls in again', async () => {
		const cacheDir = await mkdtemp(path.join(tmpdir(), 'gh-stylesheet-'));
		const build = hooks(cacheDir);
		await build.transform(PROCESSED, `${ROOT}/src/styles/other.css`);
		await build.transform(PROCESSED, `${STYLESHEET_ID}?inline`);
		await build.transform('.logo{background:url(/glasshouse/logo.svg)}\n', STYLESHEET_ID);
		expect(existsSync(path.join(cacheDir, CACHED_STYLESHEET))).toBe(false);
		await writeFile(path.join(cacheDir, CACHED_STYLESHEET), PROCESSED);
		expect(build.load(`${ROOT}/src/styles/other.css`)).toBeUndefined();
	});
});
