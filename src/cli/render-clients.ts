import { rm, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'astro';
import { astroConfig } from '@/astro-config';
import type { BuildContext } from '@/build-context/build-context';
import type { LoadedContent } from '@/loader/load-content';
import type { SlotKeys } from '@/keys/slot-keys';
import type { BuildTimings } from '@/post-build/build-timings';
import type { Output } from '@/cli/output';
import { astroCacheDir, currentAstroCacheDir } from '@/cli/astro-cache-dir';
import { phaseReporter } from '@/cli/progress';
import { listFiles } from '@/lib/list-files';

export interface RenderClientsInput {
	context: BuildContext;
	/** The whole content `glasshouse check` loaded: privacy is decided from it, and the leak scan looks for all of it. */
	checked: LoadedContent;
	/**
	 * The clients to render, index and encrypt (each a client of `checked`); absent: every client.
	 * Astro loads and renders only these clients' files (see `PageContext.clients`).
	 */
	clients?: readonly string[];
	/** The folder Astro writes into (a staging folder): emptied first, removed again if anything fails. */
	outDir: string;
	/** Slot keys derived while Astro renders (see `deriveSlotKeysAhead`). */
	slotKeys: SlotKeys;
	timings: BuildTimings;
	output: Output;
	/** Astro's own log level (see `astroLogLevel` in the build command). */
	logLevel: 'debug' | 'info' | 'warn';
	/** Leave the leak scan to the caller, who scans the whole output it assembles (see `scanOutputForLeaks`). */
	deferLeakScan?: boolean;
	/**
	 * For a run beside others in this checkout (see `render-lanes.ts`): the folder of its own
	 * content-layer store, inside the shared cache folder (`currentAstroCacheDir`, which the caller
	 * made current), and what to call once its content is synced (see `laneContentModules`).
	 */
	lane?: { storeDir: string; onSynced(): void };
}

/**
 * The client-subset build: one Astro build of `clients` (or every client) into `outDir`, with
 * the post-build steps (output folders, public attachments, internal links, search index,
 * encryption, `_headers`, and the leak scan unless deferred) over what it rendered. The output
 * then holds exactly those clients' folders plus the site-wide files: the root page, the 404
 * page, `public/`'s files, `/_astro/`, `/_glasshouse/` (when a private client was encrypted) and
 * `_headers`. Throws on any failure, after removing `outDir`. Returns the number of pages.
 */
export async function renderClients(input: RenderClientsInput): Promise<number> {
	const { context, outDir, output, timings } = input;
	await rm(outDir, { recursive: true, force: true });
	await mkdir(path.dirname(outDir), { recursive: true });
	// A run beside others keeps its own content-layer store; the compiled bodies and styles are shared.
	const cacheDir = input.lane
		? astroCacheDir(context.root, context.contentDir)
		: await currentAstroCacheDir(context.root, context.contentDir);
	// A run beside others leaves the phase lines to the thread that started it (see `renderInLanes`).
	const progress: ReturnType<typeof phaseReporter> = input.lane ? () => undefined : phaseReporter(output.progress, output.info);
	progress({ phase: 'Rendering pages', done: 0, unit: 'pages' });
	const counting = output.progress ? countPagesWhileRendering(outDir, progress) : undefined;
	const onPostBuildStep = (name: string, index: number, total: number) => {
		counting?.stop();
		progress({ phase: `Post-build: ${name}`, done: index, total, unit: 'steps' });
	};
	try {
		await timings.timed('astro', async () =>
			build({
				...astroConfig({
					context,
					checkedContent: input.checked,
					...(input.clients ? { clients: input.clients } : {}),
					...(input.deferLeakScan ? { deferLeakScan: true } : {}),
					slotKeys: input.slotKeys,
					timings,
					report: output,
					onPostBuildStep,
					codeCacheDir: cacheDir,
					// The build command drew the checked content's diagrams ahead and counts them once for all its runs.
					diagramsOwnedByCaller: true,
					...(input.lane ? { onSynced: input.lane.onSynced } : {}),
				}),
				configFile: false,
				root: context.root,
				outDir,
				cacheDir: input.lane?.storeDir ?? cacheDir,
				logLevel: input.logLevel,
			}),
		);
	} catch (error) {
		await rm(outDir, { recursive: true, force: true });
		throw error;
	} finally {
		counting?.stop();
		progress(undefined);
	}
	return (await listFiles(outDir)).filter((file) => file.endsWith('.html')).length;
}

/** How often the pages Astro has written so far are counted for the progress line. */
const PAGE_COUNT_MS = 1500;

/**
 * Counts the pages Astro has written into `folders` while it renders (a terminal only: the count
 * walks the folders), for the progress line; Astro itself only tells its log, which is hidden.
 */
export function countPagesWhileRendering(
	folders: string | readonly string[],
	progress: ReturnType<typeof phaseReporter>,
): { stop(): void } {
	let stopped = false;
	const timer = setInterval(() => {
		void Promise.all([folders].flat().map((folder) => listFiles(folder).catch(() => [] as string[]))).then((lists) => {
			if (!stopped)
				progress({ phase: 'Rendering pages', done: lists.flat().filter((file) => file.endsWith('.html')).length, unit: 'pages' });
		});
	}, PAGE_COUNT_MS);
	timer.unref();
	return {
		stop() {
			stopped = true;
			clearInterval(timer);
		},
	};
}
