import { rm } from 'node:fs/promises';
import path from 'node:path';
import { toPortableContext } from '@/build-context/build-context';
import { toPortableContent } from '@/loader/portable-content';
import { runInWorker } from '@/lib/worker-task';
import { listFiles } from '@/lib/list-files';
import { diagramForOtherThread } from '@/mermaid/render-diagram';
import type { DiagramTheme } from '@/mermaid/render-config';
import { currentAstroCacheDir } from '@/cli/astro-cache-dir';
import { phaseReporter } from '@/cli/progress';
import { countPagesWhileRendering, type RenderClientsInput } from '@/cli/render-clients';
import { moveBatchInto } from '@/cli/render-batches';
import type { LaneAnswer, LaneInput } from '@/cli/render-lane';
import { compiledLaneModule } from '@/bootstrap/compiled-cli.mjs';

/**
 * The batches of a build rendered side by side, `lanes` at a time, each one Astro run
 * (`renderLane`) on its own worker thread: Astro renders on one core, so a machine with more
 * idles while one run renders every client. The runs share this checkout: each keeps its own
 * content-layer store, and one starts only once the one before has synced its content (see
 * `laneContentModules`, for the files Astro writes into `.astro/`). This thread draws their
 * diagrams (its browser, its drawings made ahead), prints their lines and counts their pages; the
 * first run writes into `outDir`, each other into a folder beside it, moved in afterwards with
 * the site-wide files required byte-identical, as for batches one after another (`moveBatchInto`).
 * The first failure stops every run, removes every folder and throws. The phases each run timed
 * are recorded as the slowest run's (its wall time is what the build waits for), the diagrams'
 * added to this thread's drawing time; Astro's as the wall time of all runs. Returns the number of
 * pages of the assembled output.
 */
export async function renderInLanes(
	input: RenderClientsInput & { batches: readonly (readonly string[])[]; lanes: number },
): Promise<number> {
	const { batches, lanes, outDir, output, timings, context } = input;
	const batchDir = (index: number) => (index === 0 ? outDir : `${outDir}.batch-${index + 1}`);
	const cacheDir = await currentAstroCacheDir(context.root, context.contentDir);
	const shared = { context: toPortableContext(context), checked: toPortableContent(input.checked), logLevel: input.logLevel };
	// Compiled when the CLI's compiled copy is current: through tsx, each thread's module loads cost 10 s of a core here.
	const laneModule = compiledLaneModule(context.root) ?? new URL('./render-lane.ts', import.meta.url);
	const stop = new AbortController();
	const slowest = new Map<string, number>();
	let failure: { error: unknown } | undefined;
	// A run may start once the one started before it has synced (or ended).
	let previousSynced = Promise.resolve();
	let next = 0;
	const progress = phaseReporter(output.progress, output.info);
	progress({ phase: 'Rendering pages', done: 0, unit: 'pages' });
	const counting = output.progress
		? countPagesWhileRendering(
				batches.map((_, index) => batchDir(index)),
				progress,
			)
		: undefined;

	const runBatch = async (index: number) => {
		const clients = [...batches[index]!];
		let synced!: () => void;
		const waitFor = previousSynced;
		previousSynced = new Promise<void>((resolve) => (synced = resolve));
		try {
			await waitFor;
			if (stop.signal.aborted) return;
			output.info(`batch ${index + 1}/${batches.length}: ${clients.length} client(s): ${clients.join(', ')}`);
			await rm(batchDir(index), { recursive: true, force: true });
			const answer = await runInWorker<LaneInput, LaneAnswer>(
				{ module: laneModule, exported: 'renderLane' },
				{ ...shared, clients, outDir: batchDir(index), storeDir: path.join(cacheDir, `run-${index + 1}`) },
				{
					signal: stop.signal,
					what: `rendering batch ${index + 1}`,
					serve: {
						synced: () => synced(),
						info: (line: string) => output.info(line),
						warn: (line: string) => output.warn(line),
						error: (line: string) => output.error(line),
						diagram: (request: { source: string; theme: DiagramTheme }) => diagramForOtherThread(request),
					},
				},
			);
			if ('failed' in answer) throw Object.assign(new Error(answer.failed.message), answer.failed);
			for (const [phase, milliseconds] of Object.entries(answer.phases))
				if (phase !== 'astro') slowest.set(phase, Math.max(slowest.get(phase) ?? 0, milliseconds));
		} finally {
			synced();
		}
	};
	const lane = async () => {
		while (!failure && next < batches.length) {
			const index = next++;
			await runBatch(index).catch((error: unknown) => {
				// The first error is the cause; the others are the runs it stopped.
				failure ??= { error };
				stop.abort();
			});
		}
	};

	try {
		await timings.timed('astro', () => Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, batches.length)) }, lane)));
		counting?.stop();
		progress(undefined);
		if (failure) throw failure.error;
		for (const [phase, milliseconds] of slowest) timings.record(phase, milliseconds);
		for (const [index, clients] of batches.entries()) if (index > 0) await moveBatchInto(batchDir(index), outDir, clients);
		return (await listFiles(outDir)).filter((file) => file.endsWith('.html')).length;
	} catch (error) {
		counting?.stop();
		progress(undefined);
		await Promise.all(batches.map((_, index) => rm(batchDir(index), { recursive: true, force: true })));
		throw error;
	}
}
