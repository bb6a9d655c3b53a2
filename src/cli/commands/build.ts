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
import type { Output } from '@/cli/output';
import { withBuildLock } from '@/cli/build-lock';
import { stagingRoot } from '@/cli/stale-staging';
import { checkAndReport } from './check';
import { renderClients } from '@/cli/render-clients';
import { contentOfClients } from '@/loader/client-subset';
import type { LoadedContent } from '@/loader/load-content';

export const buildHelp = `Usage: glasshouse build [--content DIR] [--out DIR] [--demo] [--verbose] [--shard I/N]

Checks the content, then builds every client's site into dist/ (or --out) and
encrypts each private client's pages. The site is built into a staging folder
and moved into place only when every step succeeded (including the leak scan),
so a failed build never leaves a partial site to deploy.

  --demo     without GLASSHOUSE_SECRET, use a throwaway secret kept in
             .glasshouse/demo-secret and print every client's passwords and links
  --verbose  show Astro's own log (every page it renders) instead of phases and counts
  --shard I/N
             build only shard I of N, for CI runners side by side (needs --out):
             its clients, balanced by pages, with the site-wide files and a
             manifest signed under the secret, for glasshouse merge to assemble

Environment: GLASSHOUSE_SECRET (required for private clients), GLASSHOUSE_SITE
(site URL), GLASSHOUSE_BASE (base path, e.g. /repo/), GLASSHOUSE_TIMINGS (a file
to write the time of each build phase to, as JSON; used by npm run bench).`;

export interface BuildCommandOptions {
	content?: string;
	/**
	 * Build only these clients (slugs of the checked content): the output holds their folders and
	 * the site-wide files, nothing of any other client (see `renderClients`). Absent: every client.
	 */
	clients?: readonly string[];
	out?: string;
	demo?: boolean;
	verbose?: boolean;
	/** `I/N`: build one shard (see `build-shard.ts`). */
	shard?: string;
}

export async function runBuild(options: BuildCommandOptions, output: Output, given: BuildContext): Promise<number> {
	if (options.shard !== undefined) {
		const { runShardBuild } = await import('./build-shard');
		const context = options.content === undefined ? given : withContentDir(given, options.content);
		return runShardBuild({ ...options, shard: options.shard }, output, context);
	}
	const started = performance.now();
	const timings = buildTimings();
	const root = given.root;
	const outDir = path.resolve(root, options.out ?? 'dist');
	// One staging folder per output folder, so builds of different sites never share one.
	const staging = path.join(stagingRoot(root), createHash('sha256').update(outDir).digest('hex').slice(0, 12));
	// The content layer, the pages and the checker read the same folder: the context's.
	let context = options.content === undefined ? given : withContentDir(given, options.content);

	// What the check loaded decides, once, which clients are private: the encryption step is handed
	// it and never reads client.yaml again, so a file changed while Astro renders cannot publish a
	// client in clear (a client folder the check did not see stops the build instead).
	const loaded = await timings.timed('check', () => checkAndReport({}, output, context));
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
	// Slot keys derived while Astro renders, picked up by the encryption step.
	const slotKeys = slotKeyCache();
	if (hasPrivateClients) {
		try {
			// The secret is decoded here, once for the whole build; the slow key derivations run while Astro renders.
			void deriveSlotKeysAhead(built.clients, context.secret(), context.variables, slotKeys);
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
		let pages: number;
		try {
			pages = await renderClients({
				context,
				checked: loaded,
				...(options.clients ? { clients: options.clients } : {}),
				outDir: staging,
				slotKeys,
				timings,
				output,
				logLevel: astroLogLevel(context.logLevel, options.verbose === true),
			});
		} catch (error) {
			output.error(`✗ Build failed: ${describeBuildError(error, context.debug)}\n${nothingWritten(root, outDir)}`);
			return false;
		}
		output.info(`✓ ${pages} pages rendered, indexed, encrypted and scanned (${Math.round((performance.now() - rendering) / 1000)} s)`);
		try {
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
