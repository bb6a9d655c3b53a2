import type { Nodes, Root } from 'mdast';
import { invalidDiagramMessage } from '@/mermaid/mermaid-message';
import { closeDiagramBrowser } from '@/mermaid/diagram-session';
import { isCachedDiagram, parseDiagram } from '@/mermaid/render-diagram';
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
 * A diagram whose drawing is in the build's diagram cache (`cacheDir`) is valid already, so an
 * unchanged site starts no browser; otherwise one browser parses them all and is closed again.
 */
export async function checkDiagrams(fences: readonly MermaidFence[], cacheDir: string): Promise<Problem[]> {
	const unknown: MermaidFence[] = [];
	for (const fence of fences) if (!(await isCachedDiagram(fence.source, cacheDir))) unknown.push(fence);
	if (unknown.length === 0) return [];
	const problems: Problem[] = [];
	try {
		for (const fence of unknown) {
			const message = await parseDiagram(fence.source);
			if (message !== undefined)
				problems.push({ severity: 'error', file: fence.file, line: fence.line, field: 'body', message: invalidDiagramMessage(message) });
		}
	} finally {
		await closeDiagramBrowser();
	}
	return problems;
}
