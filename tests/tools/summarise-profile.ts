/**
 * Summarises V8 CPU profiles (`node --cpu-prof --cpu-prof-dir DIR …`) as Markdown tables: where the
 * time went by function (self time: the function itself running), by file, and, for functions whose
 * file matches `--ours`, by total time (the function and everything it called, each sample counted
 * once however often the function is on its stack). Several profiles of one run (the main thread and
 * worker threads each write one) are added up.
 *
 *   npx tsx tests/tools/summarise-profile.ts DIR-or-FILE… [--top 25] [--ours 'src/|chunks/'] [--from-ms N] [--to-ms N]
 *
 * `--from-ms`/`--to-ms` keep the samples of a window of the run (milliseconds from the profile's start),
 * e.g. only the rendering. Astro bundles page code into `.prerender/chunks/…` of the output folder, so
 * our page code shows there under its bundled file names, with its function names.
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
	const at = plain.search(/\/(src|node_modules|\.prerender|chunks|tests)\//);
	return at >= 0 ? plain.slice(at + 1) : plain;
}

function frameKey(frame: CallFrame): string {
	const name = frame.functionName || '(anonymous)';
	if (!frame.url) return name;
	return `${name} ${shortFile(frame.url)}:${frame.lineNumber + 1}`;
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
			ours: { type: 'string', default: '^(src/|\\.prerender/|chunks/)' },
			'from-ms': { type: 'string' },
			'to-ms': { type: 'string' },
		},
	});
	if (positionals.length === 0) {
		console.error('Usage: tsx tests/tools/summarise-profile.ts <profile or folder>… [--top N] [--ours REGEX] [--from-ms N] [--to-ms N]');
		process.exit(2);
	}
	const top = Number(values.top);
	const ours = new RegExp(values.ours);
	const summary = positionals.flatMap(profilesIn).reduce<ProfileSummary | undefined>(
		(sum, file) =>
			summarise(
				JSON.parse(readFileSync(file, 'utf8')) as CpuProfile,
				{
					ours,
					...(values['from-ms'] ? { fromMs: Number(values['from-ms']) } : {}),
					...(values['to-ms'] ? { toMs: Number(values['to-ms']) } : {}),
				},
				sum,
			),
		undefined,
	)!;
	const oursSelf = new Map([...summary.self].filter(([key]) => ours.test(key.split(' ').at(-1) ?? '')));
	process.stdout.write(`Samples: ${(summary.total / 1000).toFixed(0)} ms of CPU\n\n`);
	process.stdout.write(`${table('function (self time)', summary.self, summary.total, top)}\n\n`);
	process.stdout.write(`${table('file (self time)', summary.selfByFile, summary.total, top)}\n\n`);
	process.stdout.write(`${table(`our function (self time), files matching ${values.ours}`, oursSelf, summary.total, top)}\n\n`);
	process.stdout.write(`${table('our function (total time, with what it called)', summary.inclusive, summary.total, top)}\n`);
}
