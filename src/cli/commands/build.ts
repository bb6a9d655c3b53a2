import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { build } from 'astro';
import { astroConfig } from '@/astro-config';
import { contentDir } from '@/loader/content-dir';
import { deriveSlotKeysAhead } from '@/keys/build-keyring';
import { generateSecret, loadSecret, readDotEnv, SecretError } from '@/keys/secret';
import { timed, writeBuildTimings } from '@/post-build/build-timings';
import { describeAccess } from './share';
import type { Output } from '@/cli/output';
import { withBuildLock } from '@/cli/build-lock';
import { stagingRoot } from '@/cli/stale-staging';
import { astroCacheDir } from '@/cli/astro-cache-dir';
import { checkAndReport } from './check';

export const buildHelp = `Usage: glasshouse build [--content DIR] [--out DIR] [--demo]

Checks the content, then builds every client's site into dist/ (or --out) and
encrypts each private client's pages. The site is built into a staging folder
and moved into place only when every step succeeded (including the leak scan),
so a failed build never leaves a partial site to deploy.

  --demo   without GLASSHOUSE_SECRET, use a throwaway secret kept in
           .glasshouse/demo-secret and print every client's passwords and links

Environment: GLASSHOUSE_SECRET (required for private clients), GLASSHOUSE_SITE
(site URL), GLASSHOUSE_BASE (base path, e.g. /repo/), GLASSHOUSE_TIMINGS (a file
to write the time of each build phase to, as JSON; used by npm run bench).`;

export interface BuildCommandOptions {
	content?: string;
	out?: string;
	root?: string;
	demo?: boolean;
}

export async function runBuild(options: BuildCommandOptions, output: Output): Promise<number> {
	const started = performance.now();
	const root = path.resolve(options.root ?? process.cwd());
	const outDir = path.resolve(root, options.out ?? 'dist');
	// One staging folder per output folder, so builds of different sites never share one.
	const staging = path.join(stagingRoot(root), createHash('sha256').update(outDir).digest('hex').slice(0, 12));
	const content = options.content ?? contentDir();
	// The content layer and the checker must read the same folder.
	process.env.GLASSHOUSE_CONTENT = content;

	// Whatever happens next, the previous site must not be mistaken for this build's result.
	await rm(outDir, { recursive: true, force: true });
	// What the check loaded decides, once, which clients are private: the encryption step is handed
	// it and never reads client.yaml again, so a file changed while Astro renders cannot publish a
	// client in clear (a client folder the check did not see stops the build instead).
	const loaded = await timed('check', () => checkAndReport({ content: path.resolve(root, content) }, output));
	if (loaded.errors.length) {
		output.error('✗ Build stopped before rendering: the content has errors. Nothing was written to dist/.');
		return 1;
	}
	const hasPrivateClients = loaded.clients.some((client) => !client.client?.value.public);
	if (options.demo) await useDemoSecret(root, output);
	if (hasPrivateClients) {
		try {
			// The slow key derivations run while Astro renders; the encryption step picks them up.
			void deriveSlotKeysAhead(loaded.clients, await loadSecret(process.env, root));
		} catch (error) {
			if (!(error instanceof SecretError)) throw error;
			output.error(`✗ ${error.message}\nNothing was written to ${path.relative(root, outDir) || outDir}.`);
			return 1;
		}
	}

	// One build at a time per checkout: Astro writes generated modules into the shared .astro/
	// folder, and builds of one output folder share its staging folder.
	const built = await withBuildLock(root, output, async () => {
		await rm(staging, { recursive: true, force: true });
		await mkdir(path.dirname(staging), { recursive: true });
		try {
			await timed('astro', () =>
				build({
					...astroConfig({ checkedContent: loaded }),
					configFile: false,
					root,
					outDir: staging,
					cacheDir: astroCacheDir(root, content),
					logLevel: process.env.GLASSHOUSE_LOG_LEVEL === 'debug' ? 'debug' : 'info',
				}),
			);
		} catch (error) {
			await rm(staging, { recursive: true, force: true });
			output.error(`✗ Build failed: ${describeBuildError(error)}\nNothing was written to ${path.relative(root, outDir) || outDir}.`);
			return false;
		}
		await mkdir(path.dirname(outDir), { recursive: true });
		await rm(outDir, { recursive: true, force: true });
		await rename(staging, outDir);
		return true;
	});
	if (!built) return 1;
	if (process.env.GLASSHOUSE_TIMINGS)
		await writeBuildTimings(path.resolve(root, process.env.GLASSHOUSE_TIMINGS), performance.now() - started);
	output.info(`✓ Site built into ${path.relative(root, outDir) || outDir}/`);
	if (options.demo && hasPrivateClients) {
		const master = await loadSecret(process.env, root);
		const site = process.env.GLASSHOUSE_SITE ?? 'http://localhost:4321';
		output.info('\nDemo access (throwaway secret in .glasshouse/demo-secret):');
		for (const client of loaded.clients.filter((candidate) => candidate.client)) {
			for (const line of await describeAccess(client, master, site, process.env.GLASSHOUSE_BASE ?? '/')) output.info(line);
		}
	}
	return 0;
}

/** `npm start` works without any set-up: a throwaway secret, kept so links survive restarts. */
async function useDemoSecret(root: string, output: Output): Promise<void> {
	if (process.env.GLASSHOUSE_SECRET || (await readDotEnv(root)).GLASSHOUSE_SECRET) return;
	const file = path.join(root, '.glasshouse', 'demo-secret');
	let secret = (await readFile(file, 'utf8').catch(() => '')).trim();
	if (!secret) {
		secret = generateSecret();
		await mkdir(path.dirname(file), { recursive: true });
		await writeFile(file, `${secret}\n`, { mode: 0o600 });
		output.info('Created a throwaway demo secret in .glasshouse/demo-secret (not for production).');
	}
	process.env.GLASSHOUSE_SECRET = secret;
}

function describeBuildError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	if (process.env.GLASSHOUSE_DEBUG) return String(error.stack);
	const details = error as Error & { hint?: string; loc?: { file?: string; line?: number } };
	const where = details.loc?.file
		? `${path.relative(process.cwd(), details.loc.file)}${details.loc.line ? `:${details.loc.line}` : ''}: `
		: '';
	return `${where}${error.message}${details.hint ? `\nHint: ${details.hint}` : ''}`;
}
