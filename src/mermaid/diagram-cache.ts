import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Bump when the way SVGs are stored or finished in the page (mermaid-browser.ts) changes, so older
 * entries are ignored. 3: Gantt labels kept off the section names, and Mermaid's CSS without the
 * rules a drawing never uses.
 */
const CACHE_FORMAT = 3;

interface CacheKeyParts {
	source: string;
	theme: string;
	mermaidVersion: string;
	/** Mermaid's configuration for the theme; any change in the look renders afresh. */
	config: unknown;
}

/** Content address of a rendered SVG: the same diagram, theme, look and Mermaid give the same key. */
export function diagramCacheKey(parts: CacheKeyParts): string {
	return createHash('sha256')
		.update(JSON.stringify([CACHE_FORMAT, parts.mermaidVersion, parts.theme, parts.config, parts.source]))
		.digest('hex');
}

/** A cached SVG, or `undefined` when there is none (a missing or unreadable entry is just a miss). */
export async function readCachedSvg(dir: string, key: string): Promise<string | undefined> {
	try {
		return await readFile(path.join(dir, `${key}.svg`), 'utf8');
	} catch {
		return undefined;
	}
}

/** Whether the cache holds an SVG for `key`: one `stat`, for deciding what to draw ahead (see `drawAhead`). */
export function hasCachedSvg(dir: string, key: string): boolean {
	return existsSync(path.join(dir, `${key}.svg`));
}

/** Writes through a temporary file, so a build that dies mid-write never leaves half an SVG behind. */
export async function writeCachedSvg(dir: string, key: string, svg: string): Promise<void> {
	await mkdir(dir, { recursive: true });
	const temporary = path.join(dir, `.${key}.${randomUUID()}.tmp`);
	await writeFile(temporary, svg, 'utf8');
	await rename(temporary, path.join(dir, `${key}.svg`));
}
