import { rename, rm, mkdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { build } from 'astro';
import { CONTENT_DIR } from '../../model/content-dir';
import type { Output } from '../output';
import { runCheck } from './check';

export const buildHelp = `Usage: glasshouse build [--content DIR] [--out DIR]

Checks the content, then builds every client's site into dist/ (or --out).
The site is built into a staging folder and moved into place only when every
step succeeded, so a failed build never leaves a partial site to deploy.
Environment: GLASSHOUSE_SITE (site URL), GLASSHOUSE_BASE (base path, e.g. /repo/).`;

export interface BuildCommandOptions {
	content?: string;
	out?: string;
	root?: string;
}

export async function runBuild(options: BuildCommandOptions, output: Output): Promise<number> {
	const root = path.resolve(options.root ?? process.cwd());
	const outDir = path.resolve(root, options.out ?? 'dist');
	// One staging folder per output folder, so builds of different sites never share one.
	const staging = path.join(root, '.glasshouse', 'staging', createHash('sha256').update(outDir).digest('hex').slice(0, 12));
	const content = options.content ?? CONTENT_DIR;
	// The content layer and the checker must read the same folder.
	process.env.GLASSHOUSE_CONTENT = content;

	// Whatever happens next, the previous site must not be mistaken for this build's result.
	await rm(outDir, { recursive: true, force: true });
	if ((await runCheck({ content }, output)) !== 0) {
		output.error('✗ Build stopped before rendering: the content has errors. Nothing was written to dist/.');
		return 1;
	}
	await rm(staging, { recursive: true, force: true });
	await mkdir(path.dirname(staging), { recursive: true });
	try {
		// Astro's content cache is keyed by content folder so fixture and demo builds never mix.
		const cacheDir = path.join(root, 'node_modules', '.astro', createHash('sha256').update(path.resolve(root, content)).digest('hex').slice(0, 12));
		await build({ root, outDir: staging, cacheDir, logLevel: process.env.GLASSHOUSE_LOG_LEVEL === 'debug' ? 'debug' : 'info' });
	} catch (error) {
		await rm(staging, { recursive: true, force: true });
		output.error(`✗ Build failed: ${describeBuildError(error)}\nNothing was written to ${path.relative(root, outDir) || outDir}.`);
		return 1;
	}
	await mkdir(path.dirname(outDir), { recursive: true });
	await rename(staging, outDir);
	output.info(`✓ Site built into ${path.relative(root, outDir) || outDir}/`);
	return 0;
}

function describeBuildError(error: unknown): string {
	if (!(error instanceof Error)) return String(error);
	if (process.env.GLASSHOUSE_DEBUG) return String(error.stack);
	const details = error as Error & { hint?: string; loc?: { file?: string; line?: number } };
	const where = details.loc?.file ? `${path.relative(process.cwd(), details.loc.file)}${details.loc.line ? `:${details.loc.line}` : ''}: ` : '';
	return `${where}${error.message}${details.hint ? `\nHint: ${details.hint}` : ''}`;
}
