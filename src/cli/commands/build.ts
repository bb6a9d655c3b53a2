import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { withContentDir, withSecretText, type BuildContext } from '@/build-context/build-context';
import { deriveSlotKeysAhead } from '@/keys/build-keyring';
import { generateSecret, SecretError } from '@/keys/secret';
import { slotKeyCache } from '@/keys/slot-keys';
import { buildTimings, writeBuildTimings } from '@/post-build/build-timings';
import { describeAccess } from './share';
import { UsageError, type Output } from '@/cli/output';
import { withBuildLock } from '@/cli/build-lock';
import { stagingRoot } from '@/cli/stale-staging';
import { checkAndReport, parseCacheKeyOf } from './check';
import { planClients, type ClientPlan } from '@/build-cache/plan-clients';
import { moveRestored, SITE_WIDE_ENTRY } from '@/build-cache/client-cache';
import { checkOutputFolders } from '@/post-build/output-folders';
import { leakScanTargets, scanOutputForLeaks } from '@/post-build/scan-output';
import type { Leak } from '@/leak-scan/leak-scan';
import { restoreCached, type RestoreCachedInput, type RestoreCachedResult } from '@/build-cache/restore-cached';
import { restoreInWorker } from '@/build-cache/restore-in-worker';
import { planAttachments } from '@/kinds/document/attachment-plan';
import { privateClientsOf } from '@/post-build/plain-benchmark';
import { contentOfClients } from '@/loader/client-subset';
import {
	BatchPagesError,
	DEFAULT_BATCH_PAGES,
	defaultParallelRuns,
	MAX_DEFAULT_RUNS,
	MIN_PAGES_PER_RUN,
	parseBatchPages,
	parseParallelRuns,
	planBatches,
	WHOLE_SITE_BATCH_PAGES,
} from '@/shard/batch-plan';
import { estimatePages } from '@/shard/shard-plan';
import { validClients, type LoadedContent } from '@/loader/load-content';
import { configureDiagrams, reportDiagrams, resetDiagramStats } from '@/mermaid/diagram-session';
import { diagramsDrawnAhead, drawAhead } from '@/mermaid/render-diagram';
import { clientChartSources } from '@/page-data/client-charts';

export const buildHelp = `Usage: glasshouse build [--content DIR] [--out DIR] [--full] [--demo] [--verbose] [--shard I/N] [--batch-pages N] [--parallel N]

Checks the content, then builds every client's site into dist/ (or --out) and
encrypts each private client's pages. The site is built into a staging folder
and moved into place only when every step succeeded (including the leak scan),
so a failed build never leaves a partial site to deploy.

Each client's finished folder is kept in a cache (node_modules/.cache/glasshouse-clients/)
and reused while nothing that shapes it changed (its files, site.yaml, the code,
the secret and its access entries, the day, the base path and site URL): only the
clients that changed are rendered, indexed and encrypted again. Entries are
authenticated with a key derived from the secret; a tampered one is discarded and
its client rebuilt. The site-wide pages and the leak scan of the whole site run
every time.

  --full     render every client, ignoring the cache (and refresh it)
  --demo     without GLASSHOUSE_SECRET, use a throwaway secret kept in
             .glasshouse/demo-secret and print every client's passwords and links
  --verbose  show Astro's own log (every page it renders) instead of phases and counts
  --shard I/N
             build only shard I of N, for CI runners side by side (needs --out):
             its clients, balanced by pages, with the site-wide files and a
             manifest signed under the secret, for glasshouse merge to assemble
  --batch-pages N
             render at most about N pages per Astro run (default ${DEFAULT_BATCH_PAGES} with
             --shard, else 0): Astro's memory grows with the pages of one run, so
             more clients than that are rendered in batches of whole clients, one
             run each, into the same site; 0 renders them all in one run (faster,
             more memory)
  --parallel N
             render up to N batches side by side, each an Astro run on its own
             thread (default: one per core, at most ${MAX_DEFAULT_RUNS}, when each run gets at
             least ${MIN_PAGES_PER_RUN} pages; 1 with --shard, whose runner's memory is
             budgeted for one run): Astro renders on one core

Environment: GLASSHOUSE_SECRET (required for private clients), GLASSHOUSE_SITE
(site URL), GLASSHOUSE_BASE (base path, e.g. /repo/), GLASSHOUSE_CLIENT_CACHE (where
the per-client cache lives), GLASSHOUSE_TIMINGS (a file to write the time of each
build phase to, as JSON; used by npm run bench).`;

export interface BuildCommandOptions {
	/** Render every client, ignoring the per-client cache, and refresh the cache with what was built. */
	full?: boolean;
	content?: string;
	/**
	 * Build only these clients (slugs of client folders): only they are loaded and checked, and the
	 * output holds their folders and the site-wide files, nothing of any other client (see
	 * `renderClients`). Absent: every client.
	 */
	clients?: readonly string[];
	out?: string;
	demo?: boolean;
	verbose?: boolean;
	/** `I/N`: build one shard (see `build-shard.ts`). */
	shard?: string;
	/**
	 * The most estimated pages one Astro run renders (see `planBatches`); above it the clients to
	 * render are split into batches of whole clients, one Astro run each. 0: one run. Absent: `DEFAULT_BATCH_PAGES`.
	 */
	batchPages?: number;
	/**
	 * How many Astro runs render batches side by side, each on a worker thread (see `renderInLanes`).
	 * Absent: `defaultParallelRuns()` for a whole-site build, when the pages are enough to pay for
	 * the runs' starts; one for a build of some clients (a shard, whose runner's memory is budgeted).
	 */
	parallel?: number;
	/** Runs on the finished, scanned staging folder before it is moved into place (the shard's manifest). */
	beforeSwap?: (staging: string) => Promise<void>;
}

/** Reads `--parallel N` into the build's options, or throws a `UsageError` saying what is expected. */
export function parallelArgument(text: string | undefined): { parallel?: number } {
	return text === undefined ? {} : { parallel: asUsage(() => parseParallelRuns(text)) };
}

/** Reads `--batch-pages N` into the build's options, or throws a `UsageError` saying what is expected. */
export function batchPagesArgument(text: string | undefined): { batchPages?: number } {
	return text === undefined ? {} : { batchPages: asUsage(() => parseBatchPages(text)) };
}

/** Runs a parser of a number argument, its refusal (a `BatchPagesError`) turned into the CLI's `UsageError`. */
function asUsage(parse: () => number): number {
	try {
		return parse();
	} catch (error) {
		if (error instanceof BatchPagesError) throw new UsageError(error.message);
		throw error;
	}
}

export async function runBuild(options: BuildCommandOptions, output: Output, given: BuildContext): Promise<number> {
	if (options.shard !== undefined) {
		const { runShardBuild } = await import('./build-shard');
		// The content folder is set by the build itself; the shard needs it first for its identity.
		const context = options.content === undefined ? given : withContentDir(given, options.content);
		return runShardBuild({ ...options, content: undefined, shard: options.shard }, output, context);
	}
	const started = performance.now();
	const timings = buildTimings();
	const root = given.root;
	const outDir = path.resolve(root, options.out ?? 'dist');
	// One staging folder per output folder, so builds of different sites never share one.
	const staging = path.join(stagingRoot(root), createHash('sha256').update(outDir).digest('hex').slice(0, 12));
	// The cached clients are copied here while they are verified, before Astro (which writes into `staging`) runs.
	const restored = `${staging}-cached`;
	// The content layer, the pages and the checker read the same folder: the context's.
	let context = options.content === undefined ? given : withContentDir(given, options.content);

	// Each client's diagrams are drawn in Chromium while the check goes on and Astro starts, so
	// Astro finds them done and renders its pages with no browser beside it (see `drawAhead`).
	configureDiagrams({ cacheDir: context.diagramCache, plain: context.plainBenchmark });
	resetDiagramStats();
	// What an earlier check or build parsed is reused only from parts signed under the secret (see `parse-cache.ts`).
	const parseCacheKey = await parseCacheKeyOf(context);
	// What the check loaded decides, once, which clients are private: the encryption step is handed
	// it and never reads client.yaml again, so a file changed while Astro renders cannot publish a
	// client in clear (a client folder the check did not see stops the build instead).
	const loaded = await timings.timed('check', () =>
		checkAndReport({}, output, context, {
			...(parseCacheKey ? { rememberParsedFiles: true, parseCacheKey } : {}),
			...(options.clients ? { clients: options.clients } : {}),
			onDiagrams: (client, sources) => drawAhead([...sources, ...clientChartSources(client)]),
		}),
	);
	if (loaded.errors.length) {
		output.error(`✗ Build stopped before rendering: the content has errors. ${nothingWritten(root, outDir)}`);
		return 1;
	}
	let built: LoadedContent;
	try {
		built = options.clients ? contentOfClients(loaded, options.clients) : loaded;
	} catch (error) {
		output.error(`✗ ${(error as Error).message}\n${nothingWritten(root, outDir)}`);
		return 1;
	}
	const hasPrivateClients = built.clients.some((client) => !client.client?.value.public);
	if (options.demo) context = await useDemoSecret(context, output);
	if (hasPrivateClients) {
		try {
			// The secret is decoded here, once for the whole build, and refused now when weak.
			context.secret();
		} catch (error) {
			if (!(error instanceof SecretError)) throw error;
			output.error(`✗ ${error.message}\n${nothingWritten(root, outDir)}`);
			return 1;
		}
	}

	// An output folder that cannot be created fails now, before minutes of rendering.
	try {
		await mkdir(path.dirname(outDir), { recursive: true });
	} catch (error) {
		output.error(`✗ Cannot create the output folder's parent: ${(error as Error).message}\n${nothingWritten(root, outDir)}`);
		return 1;
	}

	// One build at a time per checkout: Astro writes generated modules into the shared .astro/
	// folder, and builds of one output folder share its staging folder.
	const done = await withBuildLock(root, output, async () => {
		const rendering = performance.now();
		let pages = 0;
		/** Clients whose cached folder was verified and published: the plan's, less those refused while copied. */
		let reusedCount = 0;
		let plan: ClientPlan;
		try {
			await rm(restored, { recursive: true, force: true });
			plan = await timings.timed('cache', () =>
				planClients(context, built, context.plainBenchmark ? 'off' : options.full ? 'full' : 'reuse'),
			);
			reportPlan(plan, output);
			const cache = plan.cache;
			// What the leak scan looks for, from the start: the cached clients are searched as they are restored.
			// The plain benchmark is never scanned and reuses nothing: its baseline does not pay for them.
			const attachments = context.plainBenchmark
				? undefined
				: await planAttachments(loaded, context.contentDir, new Set(privateClientsOf(loaded)));
			const targets = attachments ? await leakScanTargets(loaded, attachments) : { needles: [], copies: new Map() };
			const searched = { folders: [] as string[], leaks: [] as Leak[], files: 0 };
			/**
			 * Takes in what `restoreCached` did: what it searched, and each entry it refused (discarded, and
			 * its client added to those rendered). Returns the clients it refused.
			 */
			const restoredBy = async (result: RestoreCachedResult): Promise<string[]> => {
				searched.folders.push(...result.restored.filter((client) => client !== SITE_WIDE_ENTRY));
				searched.leaks.push(...result.leaks);
				searched.files += result.searched;
				for (const { client, why } of result.refused) {
					plan.refused.push({ client, why });
					reportRefused(client, why, output);
					await cache!.discard(client);
				}
				const refused = result.refused.map(({ client }) => client).filter((client) => client !== SITE_WIDE_ENTRY);
				plan.rendered.push(...refused.map((client) => ({ client, why: 'cache entry refused' })));
				if (refused.length) output.info(`clients rendered after their cache entry was refused: ${refused.join(', ')}`);
				return refused;
			};
			const rendered = plan.rendered.map(({ client }) => client);
			let siteWideEntry = plan.siteWide?.reused;
			let beside: RestoreCachedInput['entries'] = plan.reused;
			if (siteWideEntry) {
				// Nothing to render: every entry is verified now, on this thread, as nothing runs beside it.
				const refused = await timings.timed('cache', async () =>
					restoredBy(restoreCached({ cache: cache!, entries: [...plan.reused, siteWideEntry!], outDir: restored, ...targets })),
				);
				if (refused.length || plan.refused.some(({ client }) => client === SITE_WIDE_ENTRY)) {
					// Astro runs after all, and its site-wide files are stored as a fresh entry.
					siteWideEntry = undefined;
					plan.siteWide = { fingerprint: plan.siteWide!.fingerprint };
				}
				rendered.push(...refused);
				beside = [];
			}
			if (siteWideEntry) {
				// No client changed and neither did the site-wide files: Astro is not started at all.
				await rm(staging, { recursive: true, force: true });
				await rename(restored, staging);
				output.info('site-wide files: taken from the cache (nothing changed, Astro not started)');
			} else {
				const renderedContent = contentOfClients(loaded, rendered);
				// Slot keys derived while Astro renders, picked up by the encryption step: only the rendered clients' (PBKDF2 is slow).
				const slotKeys = slotKeyCache();
				// Astro's memory grows with the pages of one run: above the budget, one run per batch of
				// clients; and a machine with more cores renders batches side by side (see `renderInLanes`).
				const { batches, lanes } = await planRenderBatches(
					context.contentDir,
					rendered,
					options.batchPages ?? (options.clients ? DEFAULT_BATCH_PAGES : WHOLE_SITE_BATCH_PAGES),
					parallelRuns(options, context),
				);
				// Runs side by side derive their own clients' keys, each on its thread.
				if (lanes === 1 && renderedContent.clients.some((client) => !client.client?.value.public)) {
					void deriveSlotKeysAhead(renderedContent.clients, context.secret(), context.variables, slotKeys);
				}
				const everyClient = !options.clients && rendered.length === validClients(loaded).length;
				// The cached clients are verified, linked and searched on a worker thread while Astro loads and
				// renders: started before Astro's modules load, as it takes nearly as long as Astro (7 to 8 s
				// against 9 to 10 s for one update of 20 × 104).
				const stopRestoring = new AbortController();
				const restoring =
					beside.length > 0
						? timings.timed('cache, beside Astro', () =>
								restoreInWorker(
									{ cache: { dir: cache!.dir, key: cache!.key }, entries: beside, outDir: restored, ...targets },
									stopRestoring.signal,
								),
							)
						: undefined;
				// Its failure is taken up once Astro is done; until then it must not count as unhandled.
				restoring?.catch(() => undefined);
				let renderLate: typeof import('@/cli/render-batches').renderLate;
				const render = {
					context,
					checked: loaded,
					outDir: staging,
					slotKeys,
					timings,
					output,
					logLevel: astroLogLevel(context.logLevel, options.verbose === true),
					// Scanned below, once the cached clients are in place: their files are published too.
					deferLeakScan: true,
				};
				try {
					// Loaded only when Astro runs: Astro, Vite, Tailwind and the integrations take seconds to load.
					const renderBatches = await import('@/cli/render-batches');
					renderLate = renderBatches.renderLate;
					if (lanes > 1) {
						const { renderInLanes } = await import('@/cli/render-lanes');
						output.info(`rendering in ${batches.length} batches of whole clients, ${lanes} side by side`);
						pages = await renderInLanes({ ...render, clients: rendered, batches, lanes });
					} else {
						// Batches one after another bound memory: Chromium is closed before the first Astro run rather than beside it.
						if (batches.length > 1) await timings.timed('diagrams, waited for', diagramsDrawnAhead);
						pages = await renderBatches.renderInBatches({
							...render,
							// Astro reads every client's folder unless told which: a subset build always tells it.
							...(everyClient && batches.length === 1 ? {} : { clients: rendered }),
							batches,
						});
					}
				} catch (error) {
					// Nothing of this build is published: the worker's copies are not needed.
					stopRestoring.abort();
					throw error;
				} finally {
					// Never leave the worker writing into a folder the clean-up below removes.
					await restoring?.catch(() => undefined);
				}
				// A file of a cached client was missing or changed: that client is rendered after all.
				const refused = restoring ? await restoredBy(await restoring) : [];
				if (refused.length) pages += await renderLate({ ...render, clients: refused });
				// Once for every Astro run and the drawings made ahead of them.
				reportDiagrams(output, timings);
				await timings.timed('cache', () => moveRestored(restored, staging, searched.folders));
				await rm(restored, { recursive: true, force: true });
			}
			reusedCount = searched.folders.length;
			// The plain benchmark's output is Astro's alone: no post-build step runs over it.
			if (attachments)
				await timings.timed('leak scan', async () => {
					// Only clients of the checked content, the ones asked for, are in the output.
					await checkOutputFolders(staging, validClients(built));
					await scanOutputForLeaks(staging, loaded, attachments, output, { targets, searched });
				});
		} catch (error) {
			await rm(staging, { recursive: true, force: true });
			await rm(restored, { recursive: true, force: true });
			output.error(`✗ Build failed: ${describeBuildError(error, context.debug)}\n${nothingWritten(root, outDir)}`);
			return false;
		}
		output.info(
			`✓ ${pages} pages rendered, indexed and encrypted, ${reusedCount} client(s) taken from the cache, the whole site scanned (${Math.round((performance.now() - rendering) / 1000)} s)`,
		);
		// Only now, with the whole output scanned: a client whose steps failed is never cached.
		if (plan.cache) {
			await timings.timed('cache', async () => {
				for (const { client } of plan.rendered) {
					const fingerprint = plan.fingerprints.get(client);
					if (!fingerprint) continue;
					await plan.cache!.store(client, fingerprint, staging).catch((error: Error) => {
						output.warn(`cache: could not store ${client} (${error.message}); the next build renders it again`);
					});
				}
				// The site-wide files Astro just wrote, for the next build in which no client changed.
				if (plan.siteWide && !plan.siteWide.reused) {
					await plan.cache!.store(SITE_WIDE_ENTRY, plan.siteWide.fingerprint, staging).catch((error: Error) => {
						output.warn(`cache: could not store the site-wide files (${error.message}); the next build starts Astro again`);
					});
				}
			});
		}
		try {
			await options.beforeSwap?.(staging);
			await swapIntoPlace(staging, outDir);
		} catch (error) {
			await rm(staging, { recursive: true, force: true });
			output.error(`✗ Could not move the built site into place: ${(error as Error).message}\n${nothingWritten(root, outDir)}`);
			return false;
		}
		return true;
	});
	if (!done) return 1;
	if (context.timingsFile) await writeBuildTimings(context.timingsFile, timings, performance.now() - started);
	output.info(`✓ Site built into ${path.relative(root, outDir) || outDir}/`);
	if (options.demo && hasPrivateClients) {
		output.info('\nDemo access (throwaway secret in .glasshouse/demo-secret):');
		for (const client of built.clients.filter((candidate) => candidate.client)) {
			for (const line of await describeAccess(client, context.secret(), context.site, context.base, context.variables)) output.info(line);
		}
	}
	return 0;
}

/**
 * How many Astro runs the build may render side by side, and whether that was asked for: one for
 * the plain benchmark (it stands for Astro's own build), `--parallel N` when given, else one per
 * core for a whole-site build and one for a build of some clients (a shard).
 */
function parallelRuns(options: BuildCommandOptions, context: BuildContext): { runs: number; asked: boolean } {
	if (context.plainBenchmark) return { runs: 1, asked: true };
	if (options.parallel !== undefined) return { runs: options.parallel, asked: true };
	return { runs: options.clients ? 1 : defaultParallelRuns(), asked: false };
}

/**
 * The batches of the clients to render, by the pages `estimatePages` counts in their folders (the
 * estimate shards are balanced by), and how many Astro runs render them side by side (`lanes`).
 * One batch while they fit `budget`, unless `parallel` allows runs side by side: then at least one
 * batch per run. Asked for (`--parallel N`), N runs whenever there are N clients; by default only
 * as many as give each run `MIN_PAGES_PER_RUN` estimated pages, as each run costs Astro's start.
 */
async function planRenderBatches(
	contentDir: string,
	rendered: readonly string[],
	budget: number,
	parallel: { runs: number; asked: boolean },
): Promise<{ batches: string[][]; lanes: number }> {
	if ((budget === 0 && parallel.runs < 2) || rendered.length < 2) return { batches: [[...rendered]], lanes: 1 };
	const estimated = new Map((await estimatePages(contentDir)).map((weight) => [weight.slug, weight.pages]));
	// Every client to render is placed, whatever the estimate found (it counts the same folders).
	const weights = rendered.map((slug) => ({ slug, pages: estimated.get(slug) ?? 0 }));
	const total = weights.reduce((sum, client) => sum + client.pages, 0);
	const lanes = Math.max(1, Math.min(parallel.runs, rendered.length, parallel.asked ? Infinity : Math.floor(total / MIN_PAGES_PER_RUN)));
	return { batches: planBatches(weights, budget, lanes), lanes };
}

/**
 * Says which clients the build renders and which come from the cache, and warns of every entry
 * refused: a tampered cache is worth knowing about, though the build goes on without it.
 */
function reportPlan(plan: ClientPlan, output: Output): void {
	for (const { client, why } of plan.refused) reportRefused(client, why, output);
	if (plan.reused.length)
		output.info(`cache: ${plan.reused.length} client(s) reused: ${plan.reused.map((entry) => entry.client).join(', ')}`);
	const rendered = plan.rendered.map(({ client, why }) => `${client} (${why})`);
	output.info(`clients rendered: ${plan.rendered.length ? rendered.join(', ') : 'none'}`);
}

/** A tampered cache is worth knowing about, though the build goes on without the entry. */
function reportRefused(client: string, why: string, output: Output): void {
	output.warn(
		client === SITE_WIDE_ENTRY
			? `cache: the entry of the site-wide files was refused (${why}): it was discarded and they are rebuilt.`
			: `cache: the entry of ${client} was refused (${why}): it was discarded and ${client} is rebuilt.`,
	);
}

/**
 * Astro's own log lists every route it renders: noise to someone who wrote the content. The
 * build prints its phases and counts instead, and Astro says only what needs attention (warnings
 * and errors) unless asked for its whole log (--verbose, or GLASSHOUSE_LOG_LEVEL=debug).
 */
function astroLogLevel(level: BuildContext['logLevel'], verbose: boolean): 'debug' | 'info' | 'warn' {
	if (level === 'debug') return 'debug';
	return verbose ? 'info' : 'warn';
}

/**
 * Says what a failed build did to the output folder: nothing. The previous site, if any, is still
 * there byte for byte, and the user must know it is the last good build rather than this one.
 */
export function nothingWritten(root: string, outDir: string): string {
	const shown = `${path.relative(root, outDir) || outDir}/`;
	return existsSync(outDir)
		? `Nothing was written to ${shown}: the previous site there is kept unchanged.`
		: `Nothing was written to ${shown}.`;
}

/**
 * Moves the finished site into place. The previous site is renamed aside (beside itself, so on
 * its own file system, and out of reach of the staging clean-up) rather than deleted first, and
 * put back if the new one cannot be moved in; it is deleted only once the new site is in place.
 * A kill between the two renames leaves it whole in `<out>.glasshouse-previous/`, never half-deleted.
 */
export async function swapIntoPlace(staging: string, outDir: string): Promise<void> {
	const previous = `${outDir}.glasshouse-previous`;
	await rm(previous, { recursive: true, force: true });
	const hadPrevious = await rename(outDir, previous).then(
		() => true,
		(error: NodeJS.ErrnoException) => {
			if (error.code === 'ENOENT') return false;
			throw error;
		},
	);
	try {
		await rename(staging, outDir);
	} catch (error) {
		if (hadPrevious) await rename(previous, outDir);
		throw error;
	}
	await rm(previous, { recursive: true, force: true });
}

/** `npm start` works without any set-up: a throwaway secret, kept so links survive restarts. */
async function useDemoSecret(context: BuildContext, output: Output): Promise<BuildContext> {
	if (context.hasSecret) return context;
	const file = path.join(context.root, '.glasshouse', 'demo-secret');
	let secret = (await readFile(file, 'utf8').catch(() => '')).trim();
	if (!secret) {
		secret = generateSecret();
		await mkdir(path.dirname(file), { recursive: true });
		await writeFile(file, `${secret}\n`, { mode: 0o600 });
		output.info('Created a throwaway demo secret in .glasshouse/demo-secret (not for production).');
	}
	return withSecretText(context, secret);
}

function describeBuildError(error: unknown, debug: boolean): string {
	if (!(error instanceof Error)) return String(error);
	if (debug) return String(error.stack);
	const details = error as Error & { hint?: string; loc?: { file?: string; line?: number } };
	const where = details.loc?.file
		? `${path.relative(process.cwd(), details.loc.file)}${details.loc.line ? `:${details.loc.line}` : ''}: `
		: '';
	return `${where}${error.message}${details.hint ? `\nHint: ${details.hint}` : ''}`;
}
