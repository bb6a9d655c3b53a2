import { createHash } from 'node:crypto';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Nodes, Root } from 'mdast';
import { invalidDiagramMessage } from '@/mermaid/mermaid-message';
import { closeIdleDiagramBrowser } from '@/mermaid/diagram-session';
import { mermaidVersion } from '@/mermaid/mermaid-browser';
import { isCachedDiagram, normaliseSource, parseDiagram } from '@/mermaid/render-diagram';
import type { Problem } from './problem';

/** A ```mermaid fence found in a content file. */
export interface MermaidFence {
	file: string;
	/** Line of the opening fence in the file. */
	line: number;
	source: string;
}

/** A remark plugin that records the mermaid fences of one body while the checker compiles it. */
export function collectMermaidFences(file: string, bodyLine: number, into: MermaidFence[]) {
	return () => (tree: Root) => {
		const walk = (node: Nodes) => {
			if (node.type === 'code' && node.lang === 'mermaid') {
				into.push({ file, line: bodyLine + (node.position?.start.line ?? 1) - 1, source: node.value });
			} else if ('children' in node) {
				node.children.forEach(walk);
			}
		};
		walk(tree);
	};
}

/**
 * Lets Mermaid parse every diagram and reports the invalid ones like any other content error.
 * A diagram whose drawing is in the build's diagram cache (`cacheDir`), or that an earlier check
 * found valid (remembered in `checkCache` by its text and Mermaid's version), is valid already, so
 * an unchanged site starts no browser, after a build or a check alike; otherwise one browser
 * parses them all (ahead of any drawing the build queued on it) and is closed again, unless
 * `keepBrowser` leaves that to a caller with more diagrams to come (the check, a client at a
 * time). Invalid diagrams are never remembered.
 */
export async function checkDiagrams(
	fences: readonly MermaidFence[],
	cacheDir: string,
	checkCache: string,
	{ keepBrowser = false }: { keepBrowser?: boolean } = {},
): Promise<Problem[]> {
	const unknown: MermaidFence[] = [];
	for (const fence of fences)
		if (!(await isCachedDiagram(fence.source, cacheDir)) && !(await exists(validMarker(fence.source, checkCache)))) unknown.push(fence);
	if (unknown.length === 0) return [];
	const problems: Problem[] = [];
	try {
		// Asked all at once, so they queue together ahead of the drawings a build started (one at a
		// time, each parse would wait for a drawing in between).
		const messages = await Promise.all(unknown.map((fence) => parseDiagram(fence.source)));
		for (const [index, fence] of unknown.entries()) {
			const message = messages[index];
			if (message !== undefined)
				problems.push({ severity: 'error', file: fence.file, line: fence.line, field: 'body', message: invalidDiagramMessage(message) });
			// A cache that cannot be written costs the next check time, not this one its result.
			else await remember(validMarker(fence.source, checkCache)).catch(() => undefined);
		}
	} finally {
		// Not while the build's drawings started ahead are under way: the last of them closes it.
		if (!keepBrowser) await closeIdleDiagramBrowser();
	}
	return problems;
}

/** The file whose presence says a diagram's text parsed with this Mermaid version. */
function validMarker(source: string, checkCache: string): string {
	const key = createHash('sha256')
		.update(JSON.stringify(['valid-diagram', mermaidVersion(), normaliseSource(source)]))
		.digest('hex');
	return path.join(checkCache, `diagram-${key}`);
}

async function exists(file: string): Promise<boolean> {
	return (await stat(file).catch(() => undefined)) !== undefined;
}

async function remember(file: string): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	await writeFile(file, '');
}
