import { appendFile, cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AstroIntegration } from 'astro';
import glasshouse from '@/integrations/glasshouse';
import { checkContent } from '@/check/check-content';
import { readBuildContext } from '@/build-context/build-context';
import { ROOT } from '../support/build-site';
import { readShell, TEST_SECRET } from '../support/open-page';
import { MINIMAL_CONTENT } from '../support/temp-content';

/**
 * Attack: change a private client's client.yaml while the build runs (make it public, or break
 * it), so that the step after rendering, which used to read the file again, publishes the pages
 * Astro already rendered in clear. The race is made deterministic by calling the integration's
 * hooks in Astro's order and changing the file between the start of the build and its end.
 */

/** Text only alpha's pages hold. */
const SECRET_TEXT = 'zebrafinch ledger moved to Monday';
const page = (text: string) =>
	`<!doctype html><html lang="en"><head><title>Status</title></head><body><main data-pagefind-body><h1>${text}</h1><p>${text}</p></main></body></html>`;

let work = '';
let content = '';
let outDir = '';

beforeEach(async () => {
	work = await mkdtemp(path.join(tmpdir(), 'glasshouse-privacy-race-'));
	content = path.join(work, 'content');
	await cp(MINIMAL_CONTENT, content, { recursive: true });
	// What Astro renders for the minimal content: two client folders and the site-wide files.
	outDir = path.join(work, 'dist');
	await writeRendered('index.html', '<!doctype html><html><body><p>Fixture status</p></body></html>');
	await writeRendered('_astro/site.css', 'body{margin:0}');
	await writeRendered('alpha/index.html', page(`Alpha intranet: ${SECRET_TEXT}`));
	await writeRendered('alpha/updates/2026-01-09/index.html', page(`Week 2: ${SECRET_TEXT}`));
	await writeRendered('beta/index.html', page('贝塔门户'));
	vi.stubEnv('GLASSHOUSE_CONTENT', content);
	vi.stubEnv('GLASSHOUSE_SECRET', TEST_SECRET);
	vi.stubEnv('ALPHA_OFFICE_PASSWORD', 'quartz-lantern-orbit-mosaic-fable');
});

afterEach(async () => {
	vi.unstubAllEnvs();
	await rm(work, { recursive: true, force: true });
});

async function writeRendered(file: string, text: string): Promise<void> {
	await mkdir(path.dirname(path.join(outDir, file)), { recursive: true });
	await writeFile(path.join(outDir, file), text);
}

const logger = { info: () => undefined, warn: () => undefined, error: () => undefined, debug: () => undefined };

/**
 * Runs the integration's hooks as `astro build` does, with `duringBuild` between the start of
 * the build (when Astro's content layer reads the files and renders) and the build's end.
 */
async function build(integration: AstroIntegration, duringBuild: () => Promise<void>): Promise<void> {
	const hooks = integration.hooks as Record<string, ((options: unknown) => unknown) | undefined>;
	await hooks['astro:config:setup']?.({ command: 'build', config: {}, updateConfig: () => undefined, logger });
	await hooks['astro:config:done']?.({
		config: { base: '/', root: pathToFileURL(`${ROOT}/`), outDir: pathToFileURL(`${outDir}/`) },
		logger,
	});
	await hooks['astro:build:start']?.({ logger });
	await duringBuild();
	await hooks['astro:build:done']?.({ dir: pathToFileURL(`${outDir}/`), logger });
}

/** Every published file that still holds alpha's text in clear. */
async function filesInClear(): Promise<string[]> {
	if (!existsSync(outDir)) return [];
	const files = (await readdir(outDir, { recursive: true, withFileTypes: true }))
		.filter((entry) => entry.isFile())
		.map((entry) => path.join(entry.parentPath, entry.name));
	const texts = await Promise.all(
		files.map(async (file) => ((await readFile(file, 'utf8')).includes('zebrafinch') ? path.relative(outDir, file) : '')),
	);
	return texts.filter(Boolean);
}

/** Either the build stopped and left nothing, or alpha's pages are lock screens holding ciphertext. */
async function expectAlphaNotInClear(run: Promise<void>): Promise<void> {
	const failure = await run.then(
		() => undefined,
		(error: Error) => error,
	);
	expect(await filesInClear()).toEqual([]);
	if (failure) {
		expect(existsSync(outDir)).toBe(false);
		expect(failure.message).toMatch(/alpha/);
		return;
	}
	for (const file of ['alpha/index.html', 'alpha/updates/2026-01-09/index.html']) {
		expect(readShell(await readFile(path.join(outDir, file), 'utf8')).config.client).toBe('alpha');
	}
}

/** The build context as `glasshouse build` reads it, and as the Astro configuration does when Astro runs directly. */
const context = () => readBuildContext();
/** What `glasshouse build` checks before rendering. */
const check = () => checkContent(content, { today: context().today });

const makePublic = () => appendFile(path.join(content, 'alpha', 'client.yaml'), 'public: true\n');
const makeInvalid = () => appendFile(path.join(content, 'alpha', 'client.yaml'), 'locale: fr\n');

describe('a private client whose client.yaml changes while the site builds', () => {
	it('made public during `glasshouse build`: its pages are still encrypted, as the checked content says', async () => {
		const checked = await check();
		expect(checked.errors).toEqual([]);
		await expectAlphaNotInClear(build(glasshouse({ context: context(), checkedContent: checked }), makePublic));
	});

	it('made invalid during `glasshouse build`: its pages are still encrypted', async () => {
		const checked = await check();
		await expectAlphaNotInClear(build(glasshouse({ context: context(), checkedContent: checked }), makeInvalid));
	});

	it('made public during a direct `astro build`: privacy is decided when the build starts, so its pages are encrypted', async () => {
		await expectAlphaNotInClear(build(glasshouse({ context: context() }), makePublic));
	});

	it('made invalid during a direct `astro build`: its pages are encrypted', async () => {
		await expectAlphaNotInClear(build(glasshouse({ context: context() }), makeInvalid));
	});
});

describe('a rendered folder that belongs to no checked client', () => {
	it('an unknown folder stops the build, names the folder and removes the output', async () => {
		await writeRendered('stray/index.html', page(`Stray copy: ${SECRET_TEXT}`));
		const checked = await check();
		const run = build(glasshouse({ context: context(), checkedContent: checked }), async () => undefined);
		await expect(run).rejects.toThrow(/belongs to no client of the checked content: stray\/.*nothing was published/s);
		expect(existsSync(outDir)).toBe(false);
	});

	it('a client folder added while the build ran stops the build: whether it is private was never decided', async () => {
		const checked = await check();
		const addClient = async () => {
			await cp(path.join(content, 'alpha'), path.join(content, 'gamma'), { recursive: true });
			await writeRendered('gamma/index.html', page(`Gamma: ${SECRET_TEXT}`));
		};
		await expect(build(glasshouse({ context: context(), checkedContent: checked }), addClient)).rejects.toThrow(/gamma\//);
		expect(existsSync(outDir)).toBe(false);
	});

	it('a rendered client folder whose client.yaml was invalid when the build started stops the build', async () => {
		await makeInvalid();
		await expect(build(glasshouse({ context: context() }), async () => undefined)).rejects.toThrow(/alpha\//);
		expect(await filesInClear()).toEqual([]);
	});
});
