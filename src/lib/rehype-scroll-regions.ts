import type { Element, ElementContent, Root } from 'hast';

/** What a scroll region holds. */
export type ScrollRegionKind = 'table' | 'code' | 'image';

/**
 * Names a region in the page's language: `kind` and its count in the document (1, 2 …), and
 * what it is about where the document says so (a table's caption or the heading above it, an
 * image's alternative text), so that two regions of one page never share a name.
 */
export type NameScrollRegion = (kind: ScrollRegionKind, number: number, about: string | undefined) => string;

interface FileLike {
	path?: string;
}

export interface ScrollRegionOptions {
	/** The namer for the file being rendered. */
	names: (filePath: string | undefined) => Promise<NameScrollRegion>;
	/** Fence languages another plugin draws (mermaid). */
	drawnLanguages?: readonly string[];
}

/** Classes of the wrapper; the CSS that makes it scroll lives with the other content styles. */
export const SCROLL_REGION_CLASS = 'scroll-region';

/**
 * A rehype plugin that puts every table, code block and image of a body in a scroll region of
 * its own: a labelled, keyboard-focusable box (role="region", tabindex="0") that scrolls sideways
 * when its content is wider than the screen, instead of widening the whole page. Keyboard users
 * reach and scroll it like any other region (WCAG 1.4.10 reflow, 2.1.1 keyboard). Images get an
 * inline wrapper, since they usually sit inside a paragraph. `names` gives the label for the file
 * being rendered, so the label follows the page's language. Code fences in `drawnLanguages` are
 * left alone: a later plugin draws them, in a scroll box of its own.
 */
export function rehypeScrollRegions({ names, drawnLanguages = [] }: ScrollRegionOptions) {
	return async (tree: Root, file: FileLike): Promise<void> => {
		const found: Array<{ parent: Root | Element; index: number; kind: ScrollRegionKind; about: string | undefined }> = [];
		let heading: string | undefined;
		const walk = (parent: Root | Element) => {
			parent.children.forEach((node, index) => {
				if (node.type !== 'element') return;
				if (/^h[1-6]$/.test(node.tagName)) heading = textOf(node).trim() || heading;
				// Already a scroll box of its own: a drawn diagram (src/mermaid/rehype-mermaid.ts) or an earlier pass.
				if (hasClass(node, SCROLL_REGION_CLASS) || hasClass(node, 'diagram-scroll')) return;
				if (node.tagName === 'pre' && drawnLanguages.some((language) => codeLanguageIs(node, language))) return;
				const kind = kindOf(node);
				if (kind) {
					const about = kind === 'image' ? stringOf(node.properties.alt) : (captionOf(node) ?? heading);
					found.push({ parent, index, kind, about: about?.trim() || undefined });
					return;
				}
				walk(node);
			});
		};
		walk(tree);
		if (found.length === 0) return;
		const name = await names(file.path);
		const counts = new Map<ScrollRegionKind, number>();
		for (const { parent, index, kind, about } of found) {
			const number = (counts.get(kind) ?? 0) + 1;
			counts.set(kind, number);
			const node = parent.children[index] as ElementContent;
			parent.children[index] = {
				type: 'element',
				// Images usually sit in a paragraph, where only phrasing content (a span) may go.
				tagName: kind === 'image' ? 'span' : 'div',
				properties: { className: [SCROLL_REGION_CLASS], role: 'region', tabIndex: 0, ariaLabel: name(kind, number, about) },
				children: [node],
			};
		}
	};
}

function kindOf(node: Element): ScrollRegionKind | undefined {
	if (node.tagName === 'table') return 'table';
	if (node.tagName === 'pre') return 'code';
	if (node.tagName === 'img') return 'image';
	return undefined;
}

function codeLanguageIs(pre: Element, language: string): boolean {
	return pre.children.some((child) => child.type === 'element' && child.tagName === 'code' && hasClass(child, `language-${language}`));
}

function captionOf(node: Element): string | undefined {
	const caption = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'caption');
	return caption ? textOf(caption) : undefined;
}

function hasClass(node: Element, name: string): boolean {
	const classes = node.properties.className;
	return Array.isArray(classes) ? classes.includes(name) : classes === name;
}

function stringOf(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

function textOf(node: Element | ElementContent): string {
	if (node.type === 'text') return node.value;
	return node.type === 'element' ? node.children.map(textOf).join('') : '';
}
