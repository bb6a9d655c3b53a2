/**
 * Summarises V8 CPU profiles (`node --cpu-prof --cpu-prof-dir DIR …`) as Markdown tables: where the
 * time went by function (self time: the function itself running), by file, and, for functions whose
 * file matches `--ours`, by total time (the function and everything it called, each sample counted
 * once however often the function is on its stack). Several profiles of one run (the main thread and
 * worker threads each write one) are added up.
 *
 *   npx tsx tests/tools/summarise-profile.ts DIR-or-FILE… [--top 25] [--ours REGEX] [--from-ms N] [--to-ms N] [--window REGEX]
 *
 * `--from-ms`/`--to-ms` keep the samples of a window of the run (milliseconds from the profile's start);
 * `--window REGEX` keeps those from the first to the last sample with a function matching REGEX (name
 * or file) on its stack, e.g. `--window 'generatePages|generatePath'` for Astro's rendering of pages
 * (a window, not a stack filter: code resumed after an `await` has lost its callers). Astro bundles
 * page code into `chunks/…` of its build folder, so our page code shows there under its bundled file
 * names, with its function names.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
	columnNumber: number;
}

interface ProfileNode {
	id: number;
	callFrame: CallFrame;
	children?: number[];
}

export interface CpuProfile {
	nodes: ProfileNode[];
	startTime: number;
	endTime: number;
	samples: number[];
	/** Microseconds since the previous sample (the first: since `startTime`). */
	timeDeltas: number[];
}

export interface ProfileSummary {
	/** Microseconds of samples kept. */
	total: number;
	/** Function (`name file:line`) → microseconds it was the running function. */
	self: Map<string, number>;
	/** File → microseconds its functions were running. */
	selfByFile: Map<string, number>;
	/** Function → microseconds it was anywhere on the stack (only functions of files matching `ours`). */
	inclusive: Map<string, number>;
}

/** `file:///…/src/lib/x.ts` → `src/lib/x.ts`; Node's and V8's own entries keep their names. */
export function shortFile(url: string): string {
	if (!url) return '(native)';
	const plain = url.replace(/^file:\/\//, '').replace(/\?.*$/, '');
	const at = plain.search(/\/(src|node_modules|chunks|tests)\//);
	return at >= 0 ? plain.slice(at + 1) : plain;
}

function frameKey(frame: CallFrame): string {
	const name = frame.functionName || '(anonymous)';
	if (!frame.url) return name;
	return `${name} ${shortFile(frame.url)}:${frame.lineNumber + 1}`;
}

/** Milliseconds from the profile's start of the first and last sample with a frame matching `pattern` on its stack. */
export function windowOf(profile: CpuProfile, pattern: RegExp): { fromMs: number; toMs: number } | undefined {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const matches = new Map<number, boolean>();
	const onStack = (id: number): boolean => {
		let found = matches.get(id);
		if (found === undefined) {
			const { functionName, url } = byId.get(id)!.callFrame;
			const up = parent.get(id);
			found = pattern.test(`${functionName} ${url}`) || (up !== undefined && onStack(up));
			matches.set(id, found);
		}
		return found;
	};
	let clock = 0;
	let window: { fromMs: number; toMs: number } | undefined;
	for (let index = 0; index < profile.samples.length; index++) {
		clock += profile.timeDeltas[index] ?? 0;
		if (!onStack(profile.samples[index]!)) continue;
		window = { fromMs: window?.fromMs ?? clock / 1000, toMs: clock / 1000 };
	}
	return window;
}

/** Adds one profile's samples to `into` (new when absent), keeping those between `fromMs` and `toMs`. */
export function summarise(
	profile: CpuProfile,
	options: { ours?: RegExp; fromMs?: number; toMs?: number } = {},
	into: ProfileSummary = { total: 0, self: new Map(), selfByFile: new Map(), inclusive: new Map() },
): ProfileSummary {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
	const add = (map: Map<string, number>, key: string, value: number) => map.set(key, (map.get(key) ?? 0) + value);
	// What a node's stack contributes to the inclusive table, remembered per node: stacks repeat.
	const stackKeys = new Map<number, string[]>();
	const oursOf = (id: number): string[] => {
		let keys = stackKeys.get(id);
		if (keys) return keys;
		const seen = new Set<string>();
		for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
			const frame = byId.get(at)!.callFrame;
			if (options.ours?.test(shortFile(frame.url))) seen.add(frameKey(frame));
		}
		keys = [...seen];
		stackKeys.set(id, keys);
		return keys;
	};
	let clock = 0;
	const { fromMs = 0, toMs = Infinity } = options;
	for (let index = 0; index < profile.samples.length; index++) {
		clock += profile.timeDeltas[index] ?? 0;
		if (clock / 1000 < fromMs || clock / 1000 > toMs) continue;
		// A sample stands for the time until the next one.
		const duration = profile.timeDeltas[index + 1] ?? 0;
		const node = byId.get(profile.samples[index]!)!;
		into.total += duration;
		add(into.self, frameKey(node.callFrame), duration);
		add(into.selfByFile, shortFile(node.callFrame.url), duration);
		if (options.ours) for (const key of oursOf(node.id)) add(into.inclusive, key, duration);
	}
	return into;
}

function table(title: string, map: Map<string, number>, total: number, top: number): string {
	const rows = [...map].sort((a, b) => b[1] - a[1]).slice(0, top);
	const lines = [`| ${title} | ms | % |`, '| --- | ---: | ---: |'];
	for (const [key, micros] of rows)
		lines.push(`| ${key.replace(/\|/g, '\\|')} | ${(micros / 1000).toFixed(0)} | ${((100 * micros) / total).toFixed(1)} |`);
	return lines.join('\n');
}

function profilesIn(target: string): string[] {
	if (!statSync(target).isDirectory()) return [target];
	return readdirSync(target)
		.filter((name) => name.endsWith('.cpuprofile'))
		.map((name) => path.join(target, name));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const { values, positionals } = parseArgs({
		allowPositionals: true,
		options: {
			top: { type: 'string', default: '25' },
			// Our sources, and the chunks Astro bundles page code into, except its own runtime's.
			ours: { type: 'string', default: '^(src/|chunks/(?!astro/))' },
			'from-ms': { type: 'string' },
			'to-ms': { type: 'string' },
			window: { type: 'string' },
		},
	});
	if (positionals.length === 0) {
		console.error(
			'Usage: tsx tests/tools/summarise-profile.ts <profile or folder>… [--top N] [--ours REGEX] [--from-ms N] [--to-ms N] [--window REGEX]',
		);
		process.exit(2);
	}
	const top = Number(values.top);
	const ours = new RegExp(values.ours);
	let summary: ProfileSummary | undefined;
	for (const file of positionals.flatMap(profilesIn)) {
		const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
		const window = values.window ? windowOf(profile, new RegExp(values.window)) : undefined;
		// A profile without the window (a worker thread's) is left out rather than counted whole.
		if (values.window && !window) continue;
		if (window)
			process.stdout.write(`${path.basename(file)}: ${(window.fromMs / 1000).toFixed(1)} s to ${(window.toMs / 1000).toFixed(1)} s\n`);
		summary = summarise(
			profile,
			{
				ours,
				...(values['from-ms'] ? { fromMs: Number(values['from-ms']) } : {}),
				...(values['to-ms'] ? { toMs: Number(values['to-ms']) } : {}),
				...window,
			},
			summary,
		);
	}
	if (!summary) {
		console.error('No samples: no profile given, or none with the window asked for.');
		process.exit(1);
	}
	const oursSelf = new Map([...summary.self].filter(([key]) => ours.test(key.split(' ').at(-1) ?? '')));
	process.stdout.write(`Sampled: ${(summary.total / 1000).toFixed(0)} ms of the threads' wall clock, idle included\n\n`);
	process.stdout.write(`${table('function (self time)', summary.self, summary.total, top)}\n\n`);
	process.stdout.write(`${table('file (self time)', summary.selfByFile, summary.total, top)}\n\n`);
	process.stdout.write(`${table(`our function (self time), files matching ${values.ours}`, oursSelf, summary.total, top)}\n\n`);
	process.stdout.write(`${table('our function (total time, with what it called)', summary.inclusive, summary.total, top)}\n`);
}
