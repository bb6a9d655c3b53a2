import { appendFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cleanEnv, OUTPUT, runNode } from '../support/build-site';
import { decryptedSnapshot, snapshotDifferences } from '../support/decrypted-build';
import { openPage, readShell, TEST_SECRET } from '../support/open-page';
import { DEMO_CONTENT } from '../support/temp-content';
import { listFiles } from '@/lib/list-files';

// The demo agency (four clients, one of them in Chinese, with diagrams and attachments), copied
// so the test can change it, and built with a client cache of its own.
const WORK = path.join(OUTPUT, 'incremental');
const CONTENT = path.join(WORK, 'content');
const CACHE = path.join(WORK, 'client-cache');
const CLIENTS = ['harbour-museum', 'jinghong-precision', 'lanshan-tea', 'tidewater-logistics'];
const CHANGED_UPDATE = path.join(CONTENT, 'harbour-museum', 'updates', '2026-06-26.mdx');
const ADDED_SENTENCE = 'The gallery audio guide now plays offline on every floor.';
const BUILD_TIMEOUT = 900_000;

const env = cleanEnv({
	GLASSHOUSE_BASE: '/',
	GLASSHOUSE_SECRET: TEST_SECRET,
	GLASSHOUSE_TODAY: '2026-11-22',
	GLASSHOUSE_CLIENT_CACHE: CACHE,
});

/** The packages only Astro's build loads: a build that starts no Astro loads none of them. */
const ASTRO_PACKAGES = /\/node_modules\/(astro|@astrojs\/[^/]+|vite|rollup|tailwindcss|pagefind|mermaid|playwright-core)\//;

/** `build` with every module the process imports listed (see tests/support/record-modules.mjs). */
async function buildRecordingModules(name: string) {
	const log = path.join(WORK, `${name}-modules.log`);
	const run = await build(name, [], {
		nodeArgs: ['--import', './tests/support/record-modules.mjs'],
		env: { GLASSHOUSE_TEST_MODULE_LOG: log },
	});
	return { ...run, modules: readFileSync(log, 'utf8').trim().split('\n') };
}

async function build(name: string, args: string[] = [], extra: { nodeArgs?: string[]; env?: Record<string, string> } = {}) {
	const outDir = path.join(WORK, name);
	const run = await runNode(
		[...(extra.nodeArgs ?? []), 'src/cli/bin.mjs', 'build', '--content', CONTENT, '--out', outDir, ...args],
		{ ...env, ...extra.env },
		{ timeout: BUILD_TIMEOUT },
	);
	if (run.status !== 0) throw new Error(`build ${name} failed:\n${run.stdout}\n${run.stderr}`);
	const line = /^clients rendered: (.*)$/m.exec(run.stdout)?.[1] ?? '';
	// A cached client whose files fail to verify while Astro renders the others is rendered after them.
	const late = /^clients rendered after their cache entry was refused: (.*)$/m.exec(run.stdout)?.[1]?.split(', ') ?? [];
	const rendered = [...[...line.matchAll(/([a-z0-9-]+) \(/g)].map((match) => match[1]!), ...late].sort();
	return { ...run, outDir, rendered };
}

/** The one folder of the client cache holding this content folder's entries. */
function entryFolder(client: string): string {
	const [contentFolder] = readdirSync(CACHE);
	return path.join(CACHE, contentFolder!, client);
}

const slotsOf = (outDir: string, client: string) =>
	(readShell(readFileSync(path.join(outDir, client, 'index.html'), 'utf8')).config.keyring as { slots: unknown[] }).slots.length;

describe('incremental builds: only the clients that changed are rendered', () => {
	let first: Awaited<ReturnType<typeof build>>;
	let incremental: Awaited<ReturnType<typeof build>>;
	let full: Awaited<ReturnType<typeof build>>;

	beforeAll(async () => {
		rmSync(WORK, { recursive: true, force: true });
		cpSync(DEMO_CONTENT, CONTENT, { recursive: true });
		first = await build('first');
	}, BUILD_TIMEOUT);

	it('renders every client on the first build, with nothing cached yet', () => {
		expect(first.rendered).toEqual(CLIENTS);
		expect(first.stdout).toContain('not in the cache');
	});

	it(
		'after one update changed, renders only its client, and every decrypted page and search file equals a full build',
		async () => {
			appendFileSync(CHANGED_UPDATE, `\n${ADDED_SENTENCE}\n`);
			incremental = await build('incremental');
			expect(incremental.rendered).toEqual(['harbour-museum']);
			expect(incremental.stdout).toContain('cache: 3 client(s) reused: jinghong-precision, lanshan-tea, tidewater-logistics');
			expect(await openPage(incremental.outDir, CONTENT, 'harbour-museum/updates/2026-06-26/index.html')).toContain(ADDED_SENTENCE);
			// The clients taken from the cache are the first build's files, byte for byte.
			for (const client of CLIENTS.filter((candidate) => candidate !== 'harbour-museum')) {
				for (const file of await listFiles(path.join(first.outDir, client))) {
					expect(
						readFileSync(path.join(incremental.outDir, client, file)).equals(readFileSync(path.join(first.outDir, client, file))),
					).toBe(true);
				}
			}

			full = await build('full', ['--full']);
			expect(full.rendered).toEqual(CLIENTS);
			expect(full.stdout).toContain('(--full)');
			const [a, b] = await Promise.all([decryptedSnapshot(incremental.outDir, CONTENT), decryptedSnapshot(full.outDir, CONTENT)]);
			expect(snapshotDifferences(a, b)).toEqual([]);
			expect([...a.keys()].filter((name) => name.endsWith('.html')).length).toBeGreaterThan(150);
			expect([...a.keys()].filter((name) => name.includes('/pagefind (sealed)/')).length).toBeGreaterThan(20);
		},
		2 * BUILD_TIMEOUT,
	);

	it(
		'refuses a tampered cache entry and rebuilds its client; a revocation rebuilds only its client',
		async () => {
			// Someone with write access to the cache (another CI workflow) edits a cached page.
			const tampered = path.join(entryFolder('jinghong-precision'), 'output', 'jinghong-precision', 'index.html');
			writeFileSync(tampered, readFileSync(tampered, 'utf8').replace('</body>', '<script>steal()</script></body>'));
			const client = path.join(CONTENT, 'tidewater-logistics', 'client.yaml');
			const revoked = await runNode(['src/cli/bin.mjs', 'revoke', 'tidewater-logistics', 'aoife-brennan', '--content', CONTENT], env);
			expect(revoked.status, revoked.stderr).toBe(0);
			expect(readFileSync(client, 'utf8')).toMatch(/id: aoife-brennan[\s\S]*?revoked: true/);

			const after = await build('after-tamper');
			expect(after.rendered).toEqual(['jinghong-precision', 'tidewater-logistics']);
			expect(after.stderr).toMatch(
				/cache: the entry of jinghong-precision was refused \(jinghong-precision\/index\.html in it is not the file it was built with\)/,
			);
			expect(readFileSync(path.join(after.outDir, 'jinghong-precision', 'index.html'), 'utf8')).not.toContain('steal()');
			expect(
				readFileSync(path.join(entryFolder('jinghong-precision'), 'output', 'jinghong-precision', 'index.html'), 'utf8'),
			).not.toContain('steal()');
			expect(slotsOf(after.outDir, 'tidewater-logistics')).toBe(slotsOf(full.outDir, 'tidewater-logistics') - 1);
			// What the readers of every client see is what the full build showed.
			const [a, b] = await Promise.all([decryptedSnapshot(after.outDir, CONTENT), decryptedSnapshot(full.outDir, CONTENT)]);
			expect(snapshotDifferences(a, b)).toEqual([]);

			// The entries written by that build are whole: the next build renders nothing, and with the
			// site-wide files cached too it does not start Astro, yet its readers see the full build's site.
			const again = await buildRecordingModules('again');
			expect(again.rendered).toEqual([]);
			expect(again.stdout).toContain('site-wide files: taken from the cache (nothing changed, Astro not started)');
			// The recording works (the build command's module is there), and neither Astro nor Pagefind was loaded.
			expect(again.modules.some((url) => /\/commands\/build\.(ts|mjs)$|glasshouse-cli\//.test(url))).toBe(true);
			expect(again.modules.filter((url) => ASTRO_PACKAGES.test(url))).toEqual([]);
			expect(again.stdout).toContain('leak scan:');
			const [c, d] = await Promise.all([decryptedSnapshot(again.outDir, CONTENT), decryptedSnapshot(full.outDir, CONTENT)]);
			expect(snapshotDifferences(c, d)).toEqual([]);
			expect([...c.keys()]).toEqual(expect.arrayContaining(['index.html', '404.html', '_headers']));
		},
		2 * BUILD_TIMEOUT,
	);

	it(
		'refuses a tampered site-wide entry and writes the site-wide files again',
		async () => {
			const rootPage = path.join(entryFolder('_site'), 'output', 'index.html');
			writeFileSync(rootPage, readFileSync(rootPage, 'utf8').replace('</body>', '<script>steal()</script></body>'));
			const rebuilt = await buildRecordingModules('site-wide-tamper');
			expect(rebuilt.modules.some((url) => /\/node_modules\/astro\//.test(url))).toBe(true);
			expect(rebuilt.rendered).toEqual([]);
			expect(rebuilt.stderr).toMatch(
				/cache: the entry of the site-wide files was refused \(index\.html in it is not the file it was built with\)/,
			);
			expect(rebuilt.stdout).not.toContain('Astro not started');
			expect(readFileSync(path.join(rebuilt.outDir, 'index.html'), 'utf8')).not.toContain('steal()');
			// Its fresh entry is stored whole: the next build takes it again.
			expect(readFileSync(rootPage, 'utf8')).not.toContain('steal()');
			const [a, b] = await Promise.all([decryptedSnapshot(rebuilt.outDir, CONTENT), decryptedSnapshot(full.outDir, CONTENT)]);
			expect(snapshotDifferences(a, b)).toEqual([]);
		},
		BUILD_TIMEOUT,
	);

	it(
		'with nothing changed, refuses a tampered client found while the cache is copied and renders that client alone',
		async () => {
			const tampered = path.join(entryFolder('lanshan-tea'), 'output', 'lanshan-tea', 'index.html');
			writeFileSync(tampered, readFileSync(tampered, 'utf8').replace('</body>', '<script>steal()</script></body>'));
			const rebuilt = await build('client-tamper-unchanged');
			expect(rebuilt.rendered).toEqual(['lanshan-tea']);
			expect(rebuilt.stderr).toMatch(
				/cache: the entry of lanshan-tea was refused \(lanshan-tea\/index\.html in it is not the file it was built with\)/,
			);
			expect(rebuilt.stdout).toContain('3 client(s) taken from the cache');
			expect(readFileSync(path.join(rebuilt.outDir, 'lanshan-tea', 'index.html'), 'utf8')).not.toContain('steal()');
			const [a, b] = await Promise.all([decryptedSnapshot(rebuilt.outDir, CONTENT), decryptedSnapshot(full.outDir, CONTENT)]);
			expect(snapshotDifferences(a, b)).toEqual([]);
		},
		BUILD_TIMEOUT,
	);
});
