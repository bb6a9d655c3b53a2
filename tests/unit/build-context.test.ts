import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { BuildContextError, readBuildContext, withContentDir, withSecretText } from '@/build-context/build-context';
import type { PageContext } from '@/build-context/page-context';
import glasshouse from '@/integrations/glasshouse';
import { checkContent } from '@/check/check-content';
import { derivePathSegment } from '@/keys/derive-credentials';
import { decodeSecret, SecretError } from '@/keys/secret';
import { localToday } from '@/lib/calendar';
import { offerIndexFiles, requestIndexFiles } from '@/runtime/search/index-files';
import { ROOT } from '../support/build-site';
import { TEST_SECRET } from '../support/open-page';

/** A project folder with no `.env`, or with `.env` holding `dotEnv`. */
function project(dotEnv?: string): string {
	const dir = mkdtempSync(path.join(tmpdir(), 'glasshouse-context-'));
	if (dotEnv !== undefined) writeFileSync(path.join(dir, '.env'), dotEnv);
	return dir;
}

const failure = (read: () => unknown): Error => {
	try {
		read();
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected an error');
};

describe('readBuildContext', () => {
	it('without any GLASSHOUSE_ variable: localhost, base /, ./content, caches in node_modules, the local date, no secret', () => {
		const root = project();
		const now = new Date(2026, 0, 5, 0, 30);
		const context = readBuildContext({ PATH: '/bin' }, root, now);
		expect(context).toMatchObject({
			root,
			contentDir: path.join(root, 'content'),
			site: 'http://localhost:4321',
			siteGiven: false,
			base: '/',
			today: localToday(now),
			diagramCache: path.join(root, 'node_modules', '.cache', 'glasshouse-diagrams'),
			checkCache: path.join(root, 'node_modules', '.cache', 'glasshouse-check'),
			clientCache: path.join(root, 'node_modules', '.cache', 'glasshouse-clients'),
			timingsFile: undefined,
			plainBenchmark: false,
			logLevel: 'info',
			debug: false,
			hasSecret: false,
		});
		expect(context.variables).toEqual({ PATH: '/bin' });
		expect(() => context.secret()).toThrow(SecretError);
		expect(() => context.secret()).toThrow(/GLASSHOUSE_SECRET is not set/);
	});

	it('reads every GLASSHOUSE_ variable, resolving folders and files from the project folder', () => {
		const root = project();
		const context = readBuildContext(
			{
				GLASSHOUSE_CONTENT: 'fixtures/content',
				GLASSHOUSE_SITE: 'https://status.example.com',
				GLASSHOUSE_BASE: '/status/',
				GLASSHOUSE_TODAY: '2026-02-28',
				GLASSHOUSE_DIAGRAM_CACHE: 'cache/diagrams',
				GLASSHOUSE_CHECK_CACHE: '/var/cache/check',
				GLASSHOUSE_CLIENT_CACHE: 'cache/clients',
				GLASSHOUSE_TIMINGS: 'timings.json',
				GLASSHOUSE_BENCHMARK_PLAIN: '1',
				GLASSHOUSE_LOG_LEVEL: 'debug',
				GLASSHOUSE_DEBUG: '1',
				GLASSHOUSE_SECRET: TEST_SECRET,
			},
			root,
		);
		expect(context).toMatchObject({
			contentDir: path.join(root, 'fixtures', 'content'),
			site: 'https://status.example.com',
			siteGiven: true,
			base: '/status/',
			today: '2026-02-28',
			diagramCache: path.join(root, 'cache', 'diagrams'),
			checkCache: '/var/cache/check',
			clientCache: path.join(root, 'cache', 'clients'),
			timingsFile: path.join(root, 'timings.json'),
			plainBenchmark: true,
			logLevel: 'debug',
			debug: true,
			hasSecret: true,
		});
		expect(context.secret()).toEqual(decodeSecret(TEST_SECRET));
	});

	it('takes an empty variable as unset, as a CI file that lists it without a value means', () => {
		const root = project();
		const context = readBuildContext({ GLASSHOUSE_SITE: '', GLASSHOUSE_BASE: '', GLASSHOUSE_TODAY: '', GLASSHOUSE_CONTENT: '' }, root);
		expect(context).toMatchObject({ site: 'http://localhost:4321', siteGiven: false, base: '/', contentDir: path.join(root, 'content') });
		expect(context.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	});

	it('names each unusable variable with what was expected and what it holds, all at once', () => {
		const error = failure(() => readBuildContext({ GLASSHOUSE_TODAY: '2026-02-30', GLASSHOUSE_SITE: 'status.example.com' }, project()));
		expect(error).toBeInstanceOf(BuildContextError);
		expect(error.message.split('\n').sort()).toEqual([
			`GLASSHOUSE_SITE: expected the site's full address, like https://status.example.com, found "status.example.com".`,
			'GLASSHOUSE_TODAY: expected a real date as YYYY-MM-DD, found "2026-02-30".',
		]);
	});

	it('finds the secret in .env when the environment has none, prefers the environment, and decodes it once', () => {
		const root = project(`GLASSHOUSE_SECRET=${TEST_SECRET}\n`);
		const fromFile = readBuildContext({}, root);
		expect(fromFile.hasSecret).toBe(true);
		const first = fromFile.secret();
		expect(first).toEqual(decodeSecret(TEST_SECRET));
		// The same bytes, not decoded again: a build decodes its secret once, whoever asks.
		expect(fromFile.secret()).toBe(first);
		expect(withContentDir(fromFile, 'elsewhere').secret()).toBe(first);

		const other = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('base64');
		expect(readBuildContext({ GLASSHOUSE_SECRET: other }, root).secret()).toEqual(decodeSecret(other));
	});

	it('reports a weak secret only when it is needed, so commands without one still run', () => {
		const context = readBuildContext({ GLASSHOUSE_SECRET: '0'.repeat(64) }, project());
		expect(context.hasSecret).toBe(true);
		expect(() => context.secret()).toThrow(/GLASSHOUSE_SECRET is not random/);
	});

	it('takes another secret for a demo build and another content folder for --content, leaving the rest', () => {
		const root = project();
		const context = readBuildContext({ GLASSHOUSE_TODAY: '2026-03-01' }, root);
		const demo = withSecretText(context, TEST_SECRET);
		expect(demo.secret()).toEqual(decodeSecret(TEST_SECRET));
		expect(demo.today).toBe('2026-03-01');
		expect(withContentDir(context, 'other').contentDir).toBe(path.join(root, 'other'));
		expect(() => context.secret()).toThrow(SecretError);
	});
});

describe('the page context the integration hands to pages', () => {
	const CONTENT = path.join(ROOT, 'tests/fixtures/risks/content');

	/** Runs the integration's set-up as Astro would and loads the virtual module it serves. */
	async function pageModule(command: 'build' | 'dev', secret: string | undefined, checked: boolean): Promise<string> {
		const context = readBuildContext({ GLASSHOUSE_CONTENT: CONTENT, GLASSHOUSE_TODAY: '2026-06-15', GLASSHOUSE_SECRET: secret }, project());
		const checkedContent = checked ? await checkContent(CONTENT, { today: context.today }) : undefined;
		const plugins: Plugin[] = [];
		const setup = glasshouse({ context, checkedContent }).hooks['astro:config:setup'] as (options: unknown) => Promise<void>;
		await setup({ command, updateConfig: (config: { vite: { plugins: Plugin[] } }) => plugins.push(...config.vite.plugins) });
		const [plugin] = plugins;
		const id = (plugin!.resolveId as (id: string) => string | undefined)('virtual:glasshouse/page-context')!;
		return (plugin!.load as (id: string) => Promise<string>)(id);
	}

	const parse = (module: string): PageContext => JSON.parse(module.replace(/^export const pageContext = /, '').replace(/;\s*$/, ''));

	it.each([
		['glasshouse build (the checked content)', 'build', true],
		['astro build run directly', 'build', false],
		['astro dev', 'dev', false],
	] as const)('%s: the day, the folder and the derived risk addresses, never the secret', async (_, command, checked) => {
		const module = await pageModule(command, TEST_SECRET, checked);
		const master = decodeSecret(TEST_SECRET);
		expect(module).not.toContain(TEST_SECRET);
		expect(module).not.toContain(Buffer.from(master).toString('base64'));
		const context = parse(module);
		expect(context.today).toBe('2026-06-15');
		expect(context.contentDir).toBe(CONTENT);
		expect(Object.keys(context.riskSegments!).sort()).toEqual(['harbor', 'lotus']);
		expect(context.riskSegments!.harbor!['carrier-api']).toBe(await derivePathSegment(master, 'harbor', 'risk', 'carrier-api'));
		expect(Object.keys(context.riskSegments!.harbor!)).toHaveLength(8);
	});

	it('without a secret, pages keep the ids (and the build refuses to publish private clients)', async () => {
		expect(parse(await pageModule('build', undefined, true)).riskSegments).toBeUndefined();
	});
});

describe('handing the sealed index reader from the gate to search', () => {
	const reader = async () => new ArrayBuffer(0);

	it('search gets exactly the reader the gate offered on its document', () => {
		const doc = new EventTarget();
		offerIndexFiles(doc, reader);
		expect(requestIndexFiles(doc)).toBe(reader);
		expect(requestIndexFiles(doc)).toBe(reader);
	});

	it('a public page has no gate: search gets nothing and reads the index as published', () => {
		expect(requestIndexFiles(new EventTarget())).toBeUndefined();
	});

	it("another document's gate answers nobody here", () => {
		offerIndexFiles(new EventTarget(), reader);
		expect(requestIndexFiles(new EventTarget())).toBeUndefined();
	});
});
