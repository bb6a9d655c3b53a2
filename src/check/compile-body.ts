import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import { collectMermaidFences, type MermaidFence } from './check-diagrams';

/** Bump when what is stored changes, so older entries are ignored. */
const CACHE_FORMAT = 1;

/** The outcome of compiling one body; lines are counted from the body's first line (1). */
type CompiledBody = { ok: true; fences: Array<{ line: number; source: string }> } | { ok: false; line: number; reason: string };

/** The installed MDX compiler's version (its package.json is not exported, so found beside its entry point). */
const mdxVersion = (
	JSON.parse(readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('@mdx-js/mdx')), 'package.json'), 'utf8')) as {
		version: string;
	}
).version;

/**
 * Compiles a Markdown or MDX body to find its syntax errors and Mermaid fences. Astro compiles
 * every body again when it builds, so `glasshouse check` remembers the bodies that compiled
 * (by their exact text, format and MDX version) and skips them next time: a rebuild after one
 * changed update compiles one body here. Failures are never remembered, so they are reported
 * every time. An unreadable or unwritable cache only costs time. `cacheDir` is the build context's
 * `checkCache`, beside the diagram cache: never in the output.
 */
export async function compileBody(body: string, format: 'md' | 'mdx', cacheDir: string): Promise<CompiledBody> {
	const key = createHash('sha256')
		.update(JSON.stringify([CACHE_FORMAT, mdxVersion, format, body]))
		.digest('hex');
	const file = path.join(cacheDir, `${key}.json`);
	const cached = await readFile(file, 'utf8').then(
		(text) => JSON.parse(text) as CompiledBody,
		() => undefined,
	);
	if (cached?.ok) return cached;
	const fences: MermaidFence[] = [];
	try {
		await compile(body, { format, remarkPlugins: [collectMermaidFences('', 1, fences)] });
	} catch (error) {
		const place = (error as { place?: { line?: number; start?: { line?: number } } }).place;
		return { ok: false, line: place?.line ?? place?.start?.line ?? 1, reason: (error as { reason?: string }).reason ?? String(error) };
	}
	const result: CompiledBody = { ok: true, fences: fences.map(({ line, source }) => ({ line, source })) };
	await writeAtomically(file, JSON.stringify(result)).catch(() => undefined);
	return result;
}

/** Through a temporary file, so a check that dies mid-write leaves no half entry behind. */
async function writeAtomically(file: string, text: string): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	const temporary = `${file}.${randomUUID()}.tmp`;
	await writeFile(temporary, text, 'utf8');
	await rename(temporary, file);
}
