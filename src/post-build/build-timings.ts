import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Wall time per build phase, for `npm run bench`. The CLI, the Astro integrations and the page
 * components are bundled into separate copies of this module, so the figures live on
 * `globalThis`, like the diagram session: one record per process.
 */
interface TimingState {
	/** Phase → milliseconds. */
	phases: Map<string, number>;
}

const KEY = Symbol.for('glasshouse.build-timings');

function state(): TimingState {
	const holder = globalThis as { [KEY]?: TimingState };
	holder[KEY] ??= { phases: new Map() };
	return holder[KEY];
}

function add(phase: string, milliseconds: number): void {
	const { phases } = state();
	phases.set(phase, (phases.get(phase) ?? 0) + milliseconds);
}

/** Runs `task` and adds its wall time to `phase`. */
export async function timed<T>(phase: string, task: () => Promise<T>): Promise<T> {
	const started = performance.now();
	try {
		return await task();
	} finally {
		add(phase, performance.now() - started);
	}
}

/** Adds a duration measured elsewhere (inside the diagram browser, say) to `phase`. */
export function recordTiming(phase: string, milliseconds: number): void {
	add(phase, milliseconds);
}

/** The phases measured so far, in milliseconds. */
export function buildTimings(): Record<string, number> {
	return Object.fromEntries([...state().phases].map(([phase, milliseconds]) => [phase, Math.round(milliseconds)]));
}

/** Forgets earlier figures (a process that builds twice, such as a test). */
export function resetBuildTimings(): void {
	state().phases.clear();
}

/**
 * Writes the phases, the total and this process's peak memory as JSON to `file`. Only benchmarks
 * ask for it (GLASSHOUSE_TIMINGS); a failure to write must not fail the build it describes.
 */
export async function writeBuildTimings(file: string, totalMilliseconds: number): Promise<void> {
	const report = { phases: buildTimings(), total: Math.round(totalMilliseconds), maxRssKb: process.resourceUsage().maxRSS };
	await mkdir(path.dirname(file), { recursive: true }).catch(() => undefined);
	await writeFile(file, `${JSON.stringify(report, null, '\t')}\n`).catch(() => undefined);
}
