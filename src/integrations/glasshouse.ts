import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { BuildContext } from '@/build-context/build-context';
import { pageContextPlugin, type PageContext } from '@/build-context/page-context';
import type { SlotKeys } from '@/keys/slot-keys';
import { privateRiskSegments } from '@/kinds/risk/risk-paths';
import { privateDocumentSegments } from '@/kinds/document/document-paths';
import { loadContent, parsedFiles, validClients, type LoadedContent } from '@/loader/load-content';
import { CLIENT_KINDS, collectionOf } from '@/kinds/registry';
import { buildTimings, type BuildTimings } from '@/post-build/build-timings';
import { ASTRO_FOLDER_COPY, checkOutputFolders } from '@/post-build/output-folders';
import { privateClientsOf } from '@/post-build/plain-benchmark';
import { runPostBuild } from '@/post-build/post-build';
import { planAttachments, type AttachmentPlan } from '@/kinds/document/attachment-plan';
import { contentOfClients } from '@/loader/client-subset';

export interface GlasshouseOptions {
	/** The build context: read by the CLI, or once by the Astro configuration when Astro runs directly. */
	context: BuildContext;
	/**
	 * The content `glasshouse build` checked before rendering. Which clients are private is
	 * decided from it, once: a client.yaml changed while Astro renders (made public, or invalid)
	 * must not change what gets encrypted. Without it (`astro build` run directly) the integration
	 * loads the content itself when the build starts, before any page is rendered.
	 */
	checkedContent?: LoadedContent;
	/**
	 * Build only these clients (a client-subset build): the content layer globs only their folders,
	 * pages are rendered, indexed and encrypted for them alone, and the output holds exactly their
	 * folders plus the site-wide files (root page, 404, `/_astro/`, `/_glasshouse/`, `_headers`).
	 * Each slug must be a client of `checkedContent`. Absent: every client.
	 */
	clients?: readonly string[];
	/**
	 * Leave the leak scan to the caller, who runs it (`scanOutputForLeaks`) over the whole output
	 * once it has added what this build did not render (cached clients). Only for a caller that
	 * always scans before publishing, as `glasshouse build` does.
	 */
	deferLeakScan?: boolean;
	/** Slot keys `glasshouse build` derives while Astro renders; the encryption step uses them. */
	slotKeys?: SlotKeys;
	/** Where the build's phases are timed (`glasshouse build` writes them out for benchmarks). */
	timings?: BuildTimings;
	/**
	 * Where the post-build steps report their counts: the CLI's output, so they show whatever
	 * Astro's log level (which hides its route lines). Without it, Astro's integration logger.
	 */
	report?: BuildReport;
	/**
	 * A folder emptied whenever the code changes (`currentAstroCacheDir`), where Tailwind's output
	 * and the compiled MDX bodies are kept between builds (see `stylesheetCache`, `mdxCompileCache`).
	 * Absent (Astro run directly): never cached.
	 */
	codeCacheDir?: string;
	/**
	 * The caller owns the diagram session (`glasshouse build`): it reset it and started drawing the
	 * checked content's diagrams ahead before Astro, and reports the count once for all its Astro
	 * runs. Each run then neither resets the session nor reports it, and leaves the browser to
	 * the drawings still under way. Absent: each Astro run counts and reports its own diagrams.
	 */
	diagramsOwnedByCaller?: boolean;
	/** Told when each post-build step starts (see `runPostBuild`): the CLI moves its progress line. */
	onPostBuildStep?: (name: string, index: number, total: number) => void;
	/**
	 * Set when this run shares the checkout with other Astro runs at the same time (see
	 * `laneContentModules`): called once its content is synced, when the next run may start.
	 */
	onSynced?: () => void;
}

/** What a build step may say: counts, warnings, errors. */
export type BuildReport = Pick<AstroIntegrationLogger, 'info' | 'warn' | 'error'>;

/**
 * Glasshouse's build hooks. Pages get the page context (see `PageContext`) as a virtual module.
 * After Astro has written every page, the post-build steps check links, encrypt each private
 * client's folder and scan the whole output for leaks.
 */
export default function glasshouse(options: GlasshouseOptions): AstroIntegration {
	const { context, slotKeys } = options;
	const timings = options.timings ?? buildTimings();
	let base = '/';
	/** The content this build renders (the checked content, or the subset of it `options.clients` names). */
	let decided: LoadedContent | undefined;
	/** The whole checked content: the leak scan looks for every private client's text, rendered here or not. */
	let whole: LoadedContent | undefined;
	let attachments: AttachmentPlan | undefined;
	let pageContext: Promise<PageContext> | undefined;
	/** Asked once, when the content config or a page first imports the page context. */
	const loadPageContext = async (): Promise<PageContext> => {
		const shared = {
			today: context.today,
			contentDir: context.contentDir,
			...(options.clients ? { clients: [...options.clients] } : {}),
			...(decided ? { collectionsWithFiles: collectionsWithFiles(decided) } : {}),
			...(attachments ? { attachments } : {}),
		};
		if (!context.hasSecret) return shared;
		// The dev server and `astro check` decide nothing: they read the content here, once.
		const content = decided ?? (await loadContent(context.contentDir, context.root));
		if (privateClientsOf(content).length === 0) return shared;
		let master: Uint8Array;
		try {
			master = context.secret();
		} catch {
			// An unusable secret is reported by the encryption step, which refuses to publish.
			return shared;
		}
		return {
			...shared,
			riskSegments: await privateRiskSegments(content, master),
			documentSegments: await privateDocumentSegments(content, master),
		};
	};
	return {
		name: 'glasshouse',
		hooks: {
			'astro:config:setup': async ({ command, updateConfig }) => {
				// Loaded to the end before Astro's content layer reads any file.
				if (options.checkedContent) whole = options.checkedContent;
				else if (command === 'build') whole = await timings.timed('load content', () => loadContent(context.contentDir));
				decided = whole && options.clients ? contentOfClients(whole, options.clients) : whole;
				if (decided) attachments = await planAttachments(decided, context.contentDir, new Set(privateClientsOf(decided)));
				updateConfig({ vite: { plugins: [pageContextPlugin(() => (pageContext ??= loadPageContext()))] } });
			},
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				// A benchmark's site is not the one to deploy, so it never takes the deploy folder's place.
				if (context.plainBenchmark && config.outDir.href === new URL('dist/', config.root).href) {
					throw new Error('GLASSHOUSE_BENCHMARK_PLAIN builds never write to dist/: give the build another output folder.');
				}
			},
			'astro:build:done': async ({ dir, logger }) => {
				const outDir = fileURLToPath(dir);
				if (!decided) {
					await rm(outDir, { recursive: true, force: true });
					throw new Error(
						'Glasshouse did not see this build start, so it cannot tell which clients are private. The output was removed. Build with `npm run build`.',
					);
				}
				const content = decided;
				const scanned = whole ?? decided;
				if (context.plainBenchmark) {
					const privateClients = privateClientsOf(content);
					if (privateClients.length) {
						await rm(outDir, { recursive: true, force: true });
						throw new Error(
							`GLASSHOUSE_BENCHMARK_PLAIN builds only public clients, and ${privateClients.join(', ')} ${privateClients.length === 1 ? 'is' : 'are'} private. The output was removed. Unset GLASSHOUSE_BENCHMARK_PLAIN to build this site.`,
						);
					}
					// Its output folder lies outside the project, where Astro adds its .astro/ files; it is never deployed.
					await checkOutputFolders(outDir, validClients(content), [ASTRO_FOLDER_COPY]).catch(async (error) => {
						await rm(outDir, { recursive: true, force: true });
						throw error;
					});
					logger.warn(
						'plain benchmark build (GLASSHOUSE_BENCHMARK_PLAIN): no diagrams, search index or post-build steps; every client is public',
					);
					return;
				}
				// The document pages' addresses, for the search records of their PDFs' text.
				const { documentSegments = {} } = await (pageContext ??= loadPageContext());
				await runPostBuild({
					outDir,
					base,
					content,
					scanned,
					context,
					slotKeys,
					attachments: attachments ?? {},
					documentSegments,
					timings,
					logger: options.report ?? logger,
					leakScan: options.deferLeakScan !== true,
					...(options.onPostBuildStep ? { onStep: options.onPostBuildStep } : {}),
				});
			},
		},
	};
}

/** The collections of the kinds that have a file in some client's folder (see `PageContext`). */
function collectionsWithFiles(content: LoadedContent): string[] {
	return CLIENT_KINDS.filter((kind) => content.clients.some((client) => parsedFiles(client, [kind]).length > 0)).map((kind) =>
		collectionOf(kind),
	);
}
