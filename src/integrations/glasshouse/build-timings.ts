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
	/** Phases measured as busy time: how many tasks are running and since when. */
	busy: Map<string, { running: number; since: number }>;
}

const KEY = Symbol.for('glasshouse.build-timings');

function state(): TimingState {
	const holder = globalThis as { [KEY]?: TimingState };
	holder[KEY] ??= { phases: new Map(), busy: new Map() };
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

/**
 * Like `timed`, for tasks that may overlap (diagrams drawn while other pages render): the phase
 * counts the wall time during which at least one of them was running, not the sum of their times.
 */
export async function timedBusy<T>(phase: string, task: () => Promise<T>): Promise<T> {
	const { busy } = state();
	const current = busy.get(phase) ?? { running: 0, since: 0 };
	if (current.running++ === 0) current.since = performance.now();
	busy.set(phase, current);
	try {
		return await task();
	} finally {
		if (--current.running === 0) add(phase, performance.now() - current.since);
	}
}

/** The phases measured so far, in milliseconds. */
export function buildTimings(): Record<string, number> {
	return Object.fromEntries([...state().phases].map(([phase, milliseconds]) => [phase, Math.round(milliseconds)]));
}

/** Forgets earlier figures (a process that builds twice, such as a test). */
export function resetBuildTimings(): void {
	state().phases.clear();
	state().busy.clear();
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
