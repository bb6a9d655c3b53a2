import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { useTranslations } from '@/i18n/translate';
import { contentFileLocale } from '@/i18n/content-file-locale';
import { invalidDiagramMessage } from './mermaid-message';
import { isMermaidSyntaxError } from './mermaid-browser';
import { diagramSession } from './diagram-session';
import { renderDiagram, type RenderedDiagram } from './render-diagram';

/** An invalid diagram in a content file, reported like `npm run check` reports it. */
export class DiagramError extends Error {
	constructor(
		readonly file: string,
		readonly line: number,
		mermaidMessage: string,
	) {
		super(`${file}:${line}  body: ${invalidDiagramMessage(mermaidMessage)}`);
		this.name = 'DiagramError';
	}
}

interface Fence {
	parent: Root | Element;
	index: number;
	source: string;
	line: number;
	title?: string;
	/** Text of the closest heading before the fence: the diagram's name when it has no title. */
	heading?: string;
}

interface FileLike {
	path?: string;
	value?: unknown;
}

/**
 * Replaces every ```mermaid fence with its diagram as inline SVG, drawn at build time (Shiki
 * leaves these fences alone: `excludeLangs` in astro.config.mjs). A fence may carry a caption:
 * ```` ```mermaid title="Cutover plan" ````; without one, the nearest heading names the figure.
 * An invalid diagram fails with file, line of the fence and Mermaid's message.
 */
export function rehypeMermaid() {
	return async (tree: Root, file: FileLike): Promise<void> => {
		const fences = findFences(tree);
		if (fences.length === 0) return;
		const display = file.path ? path.relative(process.cwd(), file.path).split(path.sep).join('/') : '<unknown file>';
		// Ids are seeded from the file's place in the content folder (client/kind/file), not its path
		// from wherever the build runs: the same content gives the same page from any checkout folder,
		// which a sharded or cached build assembling clients built elsewhere relies on.
		const scope = file.path ? file.path.split(/[\\/]/).slice(-3).join('/') : '<unknown file>';
		const offset = await frontmatterLines(file);
		for (const [position, fence] of fences.entries()) {
			let diagram: RenderedDiagram;
			try {
				diagram = await renderDiagram(fence.source, `${scope}#${position}`);
			} catch (error) {
				if (!isMermaidSyntaxError(error)) throw error;
				const invalid = new DiagramError(display, fence.line + offset, error.message);
				diagramSession().errors.push(invalid.message);
				throw invalid;
			}
			const label = fence.title ? undefined : (fence.heading ?? useTranslations(await contentFileLocale(file.path))('diagram.label'));
			fence.parent.children[fence.index] = figure(diagram, fence.title, label);
		}
	};
}

function findFences(tree: Root): Fence[] {
	const fences: Fence[] = [];
	let heading: string | undefined;
	const walk = (parent: Root | Element) => {
		parent.children.forEach((node, index) => {
			if (node.type !== 'element') return;
			if (/^h[1-6]$/.test(node.tagName)) heading = textOf(node).trim() || heading;
			const code = node.tagName === 'pre' ? mermaidCode(node) : undefined;
			if (code) {
				const meta = (code.data as { meta?: string } | undefined)?.meta ?? code.properties.metastring;
				const title = /\btitle=(?:"([^"]*)"|'([^']*)')/.exec(typeof meta === 'string' ? meta : '');
				fences.push({
					parent,
					index,
					source: textOf(code),
					line: node.position?.start.line ?? 1,
					title: title?.[1] ?? title?.[2],
					heading,
				});
				return;
			}
			walk(node);
		});
	};
	walk(tree);
	return fences;
}

function mermaidCode(pre: Element): Element | undefined {
	const elements = pre.children.filter((child): child is Element => child.type === 'element');
	const code = elements.length === 1 && elements[0]!.tagName === 'code' ? elements[0]! : undefined;
	const classes = code?.properties.className;
	return Array.isArray(classes) && classes.includes('language-mermaid') ? code : undefined;
}

function textOf(node: Element | RootContent): string {
	if (node.type === 'text') return node.value;
	return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/** The figure markup shared with src/components/Diagram.astro (same classes, same CSS). */
function figure(diagram: RenderedDiagram, caption: string | undefined, label: string | undefined): Element {
	const svg = (html: string) => withoutPositions(fromHtml(html, { fragment: true }).children);
	const children: ElementContent[] = [
		{
			type: 'element',
			tagName: 'div',
			// A labelled region, so the keyboard stop that scrolls a wide drawing says what it holds.
			properties: {
				className: ['diagram-scroll'],
				role: 'region',
				tabIndex: 0,
				ariaLabel: caption ?? label,
				style: `--diagram-width: ${diagram.width}px`,
			},
			children:
				diagram.dark === undefined
					? [{ type: 'element', tagName: 'div', properties: { className: ['diagram-drawing'] }, children: svg(diagram.svg) }]
					: [
							{ type: 'element', tagName: 'div', properties: { className: ['diagram-light'] }, children: svg(diagram.svg) },
							{ type: 'element', tagName: 'div', properties: { className: ['diagram-dark'] }, children: svg(diagram.dark) },
						],
		},
	];
	if (caption)
		children.push({
			type: 'element',
			tagName: 'figcaption',
			properties: { className: ['diagram-caption'] },
			children: [{ type: 'text', value: caption }],
		});
	return { type: 'element', tagName: 'figure', properties: { className: ['diagram'], ariaLabel: label }, children };
}

/** Positions from parsing the SVG string would point into that string, not into the content file. */
function withoutPositions(nodes: RootContent[]): ElementContent[] {
	const strip = (node: RootContent): void => {
		delete node.position;
		if ('children' in node) node.children.forEach(strip);
	};
	nodes.forEach(strip);
	return nodes.filter((node): node is ElementContent => node.type === 'element' || node.type === 'text');
}

/**
 * Lines before the text the processor was given. MDX keeps the frontmatter as blank lines, but
 * Markdown entries of content collections arrive as the body alone (trimmed), found again here
 * in the file.
 */
async function frontmatterLines(file: FileLike): Promise<number> {
	if (!file.path || typeof file.value !== 'string') return 0;
	const whole = await readFile(file.path, 'utf8').catch(() => undefined);
	const body = file.value.trim();
	const at = whole && body ? whole.indexOf(body) : -1;
	return at > 0 ? whole!.slice(0, at).split('\n').length - 1 - (file.value.slice(0, file.value.indexOf(body)).split('\n').length - 1) : 0;
}
