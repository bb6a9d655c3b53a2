import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Wall time per build phase, for `npm run bench`. The CLI makes one per build and hands it to
 * the integrations (through `astroConfig`), which time their own phases into it; diagrams drawn
 * by the pages are counted in the diagram session and added by the diagrams integration.
 */
export interface BuildTimings {
	/** Runs `task` and adds its wall time to `phase`. */
	timed<T>(phase: string, task: () => Promise<T>): Promise<T>;
	/** Adds a duration measured elsewhere to `phase`. */
	record(phase: string, milliseconds: number): void;
	/** The phases measured so far, in whole milliseconds. */
	phases(): Record<string, number>;
}

export function buildTimings(): BuildTimings {
	const phases = new Map<string, number>();
	const record = (phase: string, milliseconds: number) => phases.set(phase, (phases.get(phase) ?? 0) + milliseconds);
	return {
		record,
		async timed(phase, task) {
			const started = performance.now();
			try {
				return await task();
			} finally {
				record(phase, performance.now() - started);
			}
		},
		phases: () => Object.fromEntries([...phases].map(([phase, milliseconds]) => [phase, Math.round(milliseconds)])),
	};
}

/**
 * Writes the phases, the total and this process's peak memory as JSON to `file`. Only benchmarks
 * ask for it (GLASSHOUSE_TIMINGS); a failure to write must not fail the build it describes.
 */
export async function writeBuildTimings(file: string, timings: BuildTimings, totalMilliseconds: number): Promise<void> {
	const report = { phases: timings.phases(), total: Math.round(totalMilliseconds), maxRssKb: process.resourceUsage().maxRSS };
	await mkdir(path.dirname(file), { recursive: true }).catch(() => undefined);
	await writeFile(file, `${JSON.stringify(report, null, '\t')}\n`).catch(() => undefined);
}
