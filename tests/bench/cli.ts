/**
 * How fast the CLI answers: `npm run bench:cli [-- --runs N --before REF]` times, in child
 * processes run in turns, `node -e 0` and `astro --help` (what any Node tool costs here), then
 * `glasshouse --help`, `glasshouse new update <client>` (on a temporary copy of the demo) and
 * `glasshouse check` of the demo (warm: after a build, with the check's and the diagrams' caches
 * filled; one run before the timed ones) three ways:
 *   - before: the CLI of REF (default: the last commit before the instant CLI), extracted with
 *     `git archive`, which loaded every command's module through tsx at start;
 *   - from sources: today's CLI run through tsx, what bin.mjs falls back to right after an edit;
 *   - compiled: today's CLI as `glasshouse` runs it, the copy compiled by the set-up.
 * Last, `glasshouse check` of a synthetic agency of 20 clients × 104 weeks (tests/bench/generate-content.ts,
 * a diagram in every tenth update), warm after the untimed run, with the compiled CLI only: the CLI
 * before these changes takes minutes for it.
 * Prints one Markdown table of medians (wall time per process) to stdout, progress to stderr.
 * Prints figures; asserts nothing.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../support/run-output';
import { formatMilliseconds, markdownTable, median } from './support/format';
import { generateContent } from './generate-content';

/** The last commit whose CLI imported every command at start. */
const BEFORE_INSTANT_CLI = '51988bf';

const { values } = parseArgs({
	options: { runs: { type: 'string', default: '7' }, before: { type: 'string', default: BEFORE_INSTANT_CLI } },
});
const runs = Number(values.runs);
const log = (message: string) => process.stderr.write(`${message}\n`);
const env = { ...process.env, NO_COLOR: '1', ASTRO_TELEMETRY_DISABLED: '1' };

const work = mkdtempSync(path.join(tmpdir(), 'glasshouse-bench-cli-'));
/** A checkout of the CLI's files in `folder`, sharing this one's node_modules. */
function checkout(folder: string, fill: (folder: string) => void): string {
	fill(folder);
	symlinkSync(path.join(ROOT, 'node_modules'), path.join(folder, 'node_modules'));
	return path.join(folder, 'src', 'cli', 'bin.mjs');
}
const FILES = ['src', 'tsconfig.json', 'package.json'];
// The old CLI checks the demo as it was then: today's demo has fields (and kinds) it never knew.
const before = checkout(path.join(work, 'before'), (folder) => {
	execFileSync(
		'sh',
		['-c', `mkdir -p "${folder}" && git archive ${values.before} ${[...FILES, 'content'].join(' ')} | tar -x -C "${folder}"`],
		{
			cwd: ROOT,
		},
	);
});
// Copied files are newer than the compiled copy (seen through the shared node_modules), so this
// checkout's bin.mjs runs the sources through tsx.
const sources = checkout(path.join(work, 'sources'), (folder) => {
	for (const file of FILES) cpSync(path.join(ROOT, file), path.join(folder, file), { recursive: true });
});
const compiled = path.join(ROOT, 'src', 'cli', 'bin.mjs');

const content = path.join(work, 'content');
cpSync(path.join(ROOT, 'content'), content, { recursive: true });
const client = 'harbour-museum';
const agency = path.join(work, 'agency');
log('writing the synthetic agency (20 clients × 104 weeks)…');
generateContent({ clients: 20, weeks: 104, diagrams: 0.1, out: agency });

/** Wall time of one process, in milliseconds; throws when it fails. */
function time(args: string[]): { ms: number; stdout: string } {
	const started = performance.now();
	const run = spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
	const ms = performance.now() - started;
	if (run.status !== 0) {
		throw new Error(`node ${args.join(' ')} failed (exit ${run.status}):\n${run.stderr || run.stdout}`);
	}
	return { ms, stdout: run.stdout };
}

/** `new update` writes a file; it is removed after each run, so every run starts from the same content. */
function newUpdate(bin: string): number {
	const { ms, stdout } = time([bin, 'new', 'update', client, '--content', content]);
	rmSync(path.resolve(ROOT, stdout.split('\n')[0]!));
	return ms;
}

const CLIS = { before, sources, compiled };
type Cli = keyof typeof CLIS;
const rows: Array<{ name: string; measure: Partial<Record<Cli | 'reference', () => number>> }> = [
	{ name: 'node -e 0', measure: { reference: () => time(['-e', '0']).ms } },
	{ name: 'astro --help', measure: { reference: () => time([path.join(ROOT, 'node_modules', 'astro', 'astro.js'), '--help']).ms } },
	...[
		{ name: 'glasshouse --help', run: (bin: string) => time([bin, '--help']).ms },
		{ name: `glasshouse new update ${client}`, run: newUpdate },
		{
			name: 'glasshouse check (demo, warm)',
			run: (bin: string) => time(bin === before ? [bin, 'check', '--content', path.join(work, 'before', 'content')] : [bin, 'check']).ms,
		},
	].map(({ name, run }) => ({
		name,
		measure: Object.fromEntries(Object.entries(CLIS).map(([cli, bin]) => [cli, () => run(bin)])) as Record<Cli, () => number>,
	})),
	{ name: 'glasshouse check (agency 20 × 104, warm)', measure: { compiled: () => time([compiled, 'check', '--content', agency]).ms } },
];

try {
	log('warming up (one untimed run of each)…');
	for (const row of rows) for (const measure of Object.values(row.measure)) measure();
	const times = rows.map((row) => Object.fromEntries(Object.keys(row.measure).map((key) => [key, [] as number[]])));
	for (let round = 1; round <= runs; round++) {
		log(`round ${round} of ${runs}…`);
		// In turns, so a burst of load from elsewhere on the machine falls on every variant alike.
		rows.forEach((row, index) => {
			for (const [key, measure] of Object.entries(row.measure)) times[index]![key]!.push(measure());
		});
	}
	const cell = (index: number, key: string) => (times[index]![key] ? formatMilliseconds(median(times[index]![key]!)) : '');
	console.log(
		markdownTable(
			['Median of ' + runs + ' runs', 'Reference', `Before (${values.before})`, 'From sources (tsx)', 'Compiled'],
			rows.map((row, index) => [
				row.name,
				cell(index, 'reference'),
				cell(index, 'before'),
				cell(index, 'sources'),
				cell(index, 'compiled'),
			]),
		),
	);
} finally {
	rmSync(work, { recursive: true, force: true });
}
