/**
 * What a build of a whole agency costs: `npm run bench [-- --clients N --weeks W --diagrams D]`
 * generates a synthetic agency (default 20 clients × 104 weekly updates, a diagram in every tenth
 * update) and builds it five times, each from the command line in its own process:
 *   1. the full build with cold caches (Astro's content cache, the diagram cache, the check's
 *      cache of compiled bodies and the per-client cache all empty, as on a CI runner without a cache);
 *   2. the same build again with nothing changed: every client and the site-wide files come from
 *      the per-client cache and Astro is not started (the fixed cost of a build);
 *   3. the build after changing one update, with every cache warm: the incremental build, which
 *      renders only the client whose update changed and takes the others from the per-client cache;
 *   4. the same content built with `--full` (every client rendered), its other caches warm;
 *   5. a plain Astro build of the same content with every client public, no diagrams drawn and
 *      no search index (GLASSHOUSE_BENCHMARK_PLAIN), the baseline the full build is compared to.
 *   6. a sharded build (`--shards N`, default 4; 0 skips it): `build --shard I/N` for every shard,
 *      one after another, each with cold caches as on its own runner, then `merge`; reported as
 *      a CI matrix would see it (the slowest shard plus the merge) with each shard's peak memory.
 * Prints one Markdown table (time per phase, pages, peak memory, output size) to stdout and
 * progress to stderr. Prints figures; asserts nothing. `--keep` keeps the work folder.
 * `--sharded-only` runs only the sharded build, for agencies too large to build whole here.
 * `--batch-pages N` is passed to every shard's build (absent: the build's default; 0: one Astro run per shard).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { astroCacheDir } from '@/cli/astro-cache-dir';
import { listFiles } from '@/lib/list-files';
import { cleanEnv, ROOT, runNode } from '../support/build-site';
import { TEST_SECRET } from '../support/open-page';
import { generateContent } from './generate-content';
import { publicCopy } from './support/cli-build';
import { formatBytes, formatSeconds, markdownTable } from './support/format';
import { watchPeakMemory } from './support/peak-memory';
import { printShardedBuild, runShardedRow } from './support/sharded-build';

const { values } = parseArgs({
	options: {
		clients: { type: 'string', default: '20' },
		weeks: { type: 'string', default: '104' },
		diagrams: { type: 'string', default: '0.1' },
		work: { type: 'string' },
		keep: { type: 'boolean', default: false },
		shards: { type: 'string', default: '4' },
		'sharded-only': { type: 'boolean', default: false },
		'batch-pages': { type: 'string' },
	},
});

/** The shards' `--batch-pages`, when given. */
const batching = values['batch-pages'] === undefined ? {} : { batchPages: Number(values['batch-pages']) };

interface Timings {
	phases: Record<string, number>;
	total: number;
	maxRssKb: number;
}

interface Measured {
	/** Wall clock from starting the process to its exit, in ms. */
	wall: number;
	timings: Timings;
	/** Highest resident memory of the build and its child processes (Chromium, Pagefind). */
	peakBytes?: number;
	pages: number;
	/** Clients rendered by Astro (the others came from the per-client cache), from the build's log. */
	rendered: string;
	outputBytes: number;
	diagrams: string;
}

const work = values.work ? path.resolve(values.work) : mkdtempSync(path.join(tmpdir(), 'glasshouse-bench-'));
const content = path.join(work, 'content');
const plainContent = path.join(work, 'content-public');
const progress = (message: string) => process.stderr.write(`${message}\n`);

const generated = generateContent({
	clients: Number(values.clients),
	weeks: Number(values.weeks),
	diagrams: Number(values.diagrams),
	out: content,
});
progress(
	`Generated ${generated.files} files: ${values.clients} clients × ${values.weeks} weeks, ${generated.updates} updates, ${generated.decisions} decisions, ${generated.diagrams} diagrams (in ${work})`,
);
// The same files, each client marked public: the plain build may not hold a private client.
publicCopy(content, plainContent);

let builds = 0;
async function measure(label: string, args: string[], out: string, env: Record<string, string> = {}): Promise<Measured> {
	progress(`${label}…`);
	const timingsFile = path.join(work, `timings-${++builds}.json`);
	rmSync(timingsFile, { force: true });
	let watcher: ReturnType<typeof watchPeakMemory> | undefined;
	const started = performance.now();
	const run = await runNode(
		args,
		cleanEnv({
			GLASSHOUSE_SECRET: TEST_SECRET,
			GLASSHOUSE_BASE: '/',
			GLASSHOUSE_TIMINGS: timingsFile,
			GLASSHOUSE_DIAGRAM_CACHE: path.join(work, 'diagram-cache'),
			GLASSHOUSE_CHECK_CACHE: path.join(work, 'check-cache'),
			GLASSHOUSE_CLIENT_CACHE: path.join(work, 'client-cache'),
			...env,
		}),
		{
			timeout: 3_600_000,
			onSpawn: (pid) => (watcher = watchPeakMemory(pid)),
		},
	);
	const wall = performance.now() - started;
	const peakBytes = watcher?.stop();
	// The build's own log, for a closer look with --keep.
	writeFileSync(path.join(work, `build-${builds}.log`), `${run.stdout}\n${run.stderr}`);
	if (run.status !== 0) throw new Error(`${label} failed (exit ${run.status}):\n${run.stderr || run.stdout}`);
	const files = await listFiles(out);
	return {
		wall,
		timings: JSON.parse(readFileSync(timingsFile, 'utf8')) as Timings,
		peakBytes,
		pages: files.filter((file) => file.endsWith('.html')).length,
		rendered: renderedClients(run.stdout),
		outputBytes: files.reduce((sum, file) => sum + statSync(path.join(out, file)).size, 0),
		diagrams: /diagrams: (\d+) rendered, (\d+) from cache/.exec(run.stdout)?.slice(1).join(' drawn, ').concat(' cached') ?? '',
	};
}

if (values['sharded-only']) {
	await printShardedBuild(await runShardedRow({ content, work, shards: Number(values.shards), progress, ...batching }), generated, values);
	if (!values.keep) {
		rmSync(work, { recursive: true, force: true });
		rmSync(astroCacheDir(ROOT, content), { recursive: true, force: true });
	}
	process.exit(0);
}

const fullOut = path.join(work, 'dist');
const plainOut = path.join(work, 'dist-plain');
const cli = (out: string) => ['src/cli/bin.mjs', 'build', '--content', content, '--out', out];
const cold = await measure('Full build, cold caches', cli(fullOut), fullOut);
// The fixed cost of a build: every client and the site-wide files from the cache, Astro not started.
const unchanged = await measure('Build again with nothing changed, warm caches', cli(fullOut), fullOut);
const changed = changeOneUpdate(content);
const incremental = await measure(`Build after changing ${path.relative(content, changed)}, warm caches`, cli(fullOut), fullOut);
const warm = await measure('Full build (--full) of the same content, warm caches', [...cli(fullOut), '--full'], fullOut);
const plain = await measure(
	'Plain Astro build (public copy, no diagrams, no search, no post-build steps)',
	['--import', 'tsx', 'tests/bench/support/plain-build.ts', plainContent, plainOut],
	plainOut,
);
// Last: each shard empties Astro's content cache, which the warm build above relies on.
const sharded =
	Number(values.shards) > 0 ? await runShardedRow({ content, work, shards: Number(values.shards), progress, ...batching }) : undefined;

if (!values.keep) {
	rmSync(work, { recursive: true, force: true });
	for (const folder of [content, plainContent]) rmSync(astroCacheDir(ROOT, folder), { recursive: true, force: true });
}

/** Appends a line to the newest update of the first client, as a PM's small correction would. */
function changeOneUpdate(folder: string): string {
	const updates = path.join(folder, 'client-01', 'updates');
	const file = path.join(updates, readdirSync(updates).sort().at(-1)!);
	writeFileSync(file, `${readFileSync(file, 'utf8').trimEnd()}\n- Corrected after review: one more item for the benchmark.\n`);
	return file;
}

/** The clients the build says it rendered: `clients rendered: a (why), b (why)` → `2 (a, b)`. */
function renderedClients(log: string): string {
	const line = /^clients rendered: (.*)$/m.exec(log)?.[1];
	if (line === undefined) return '–';
	const names = [...line.matchAll(/([a-z0-9-]+) \(/g)].map((match) => match[1]!);
	return names.length > 3 ? String(names.length) : `${names.length}${names.length ? ` (${names.join(', ')})` : ''}`;
}

/** Glasshouse's steps after Astro has rendered (they run inside Astro's build call). */
const POST_BUILD: Array<[string, string]> = [
	['internal links', 'internal link check'],
	['search index', 'search indexing (Pagefind)'],
	['encryption', 'encryption (incl. key derivation)'],
];
const UNLISTED_POST_BUILD = ['load content', 'output folders', 'security headers'];
/** Steps of the build command after Astro's build call: the per-client cache and the leak scan of the whole output. */
const AFTER_ASTRO: Array<[string, string]> = [
	['cache', 'per-client cache (fingerprints, verify, restore, store)'],
	['leak scan', 'leak scan (whole output)'],
];
const phase = (run: Measured, name: string) => run.timings.phases[name] ?? 0;
/** Astro's part: its build call minus the steps that ran inside it after rendering. */
const astro = (run: Measured) =>
	phase(run, 'astro') - [...POST_BUILD.map(([name]) => name), ...UNLISTED_POST_BUILD].reduce((sum, name) => sum + phase(run, name), 0);
const other = (run: Measured) =>
	run.wall -
	phase(run, 'check') -
	phase(run, 'astro') -
	AFTER_ASTRO.reduce((sum, [name]) => sum + phase(run, name), 0) +
	UNLISTED_POST_BUILD.reduce((sum, name) => sum + phase(run, name), 0);
const seconds = (run: Measured, name: string) => (name in run.timings.phases ? formatSeconds(phase(run, name)) : '–');
const runs = [cold, unchanged, incremental, warm, plain];
const row = (label: string, value: (run: Measured) => string) => [label, ...runs.map(value)];

const table = markdownTable(
	[
		'',
		'full build, cold caches',
		'nothing changed, warm caches',
		'one update changed, warm caches (incremental)',
		'full build (`--full`), warm caches',
		'plain Astro build, same content',
	],
	[
		row('pages in the output', (run) => String(run.pages)),
		row('clients rendered', (run) => run.rendered),
		row('content check (`glasshouse check`)', (run) => seconds(run, 'check')),
		row('content sync and render (Astro)', (run) => formatSeconds(astro(run))),
		// Drawn in Chromium while Astro renders, so this is part of the row above, not added to it.
		row('↳ of which diagrams (time drawing in Chromium)', (run) =>
			'diagrams' in run.timings.phases ? `${seconds(run, 'diagrams')} (${run.diagrams})` : '–',
		),
		...POST_BUILD.map(([name, label]) => row(label, (run) => seconds(run, name))),
		...AFTER_ASTRO.map(([name, label]) => row(label, (run) => seconds(run, name))),
		// On a worker thread while Astro renders: part of no row above, and not added to the total.
		row('↳ beside Astro: cached clients verified, linked and leak-scanned (worker thread)', (run) => seconds(run, 'cache, beside Astro')),
		row('other (start-up, loading content, headers, moving into place)', (run) => formatSeconds(other(run))),
		row('**total, wall clock**', (run) => `**${formatSeconds(run.wall)}**`),
		row('peak memory (build and its child processes)', (run) => formatBytes(run.peakBytes ?? run.timings.maxRssKb * 1024)),
		row('size of the output folder', (run) => formatBytes(run.outputBytes)),
	],
);

process.stdout.write(
	`\nBuild of a synthetic agency: ${values.clients} clients × ${values.weeks} weeks (${generated.updates} updates, ${generated.decisions} decisions, ${generated.diagrams} diagrams in updates)\n\n`,
);
process.stdout.write(`${table}\n\n`);
process.stdout.write(
	`Build ÷ plain Astro build: ${(cold.wall / plain.wall).toFixed(2)}× (full, cold), ${(incremental.wall / plain.wall).toFixed(2)}× (one update changed, incremental), ${(warm.wall / plain.wall).toFixed(2)}× (full, warm), ${(unchanged.wall / plain.wall).toFixed(2)}× (nothing changed)\n`,
);
if (sharded) await printShardedBuild(sharded, generated, values, cold.wall);
