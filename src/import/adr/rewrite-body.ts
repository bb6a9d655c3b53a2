import type { Nodes, Parent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import type { ImportNote } from './read-record';

/** What a relative link or image of a record points at, as the import knows it. */
export type LinkTarget = { kind: 'record'; number: number } | { kind: 'image'; file: string } | { kind: 'none'; shown: string };

export interface RewriteInput {
	body: string;
	/** Source line of each body line (notes name the record's own lines). */
	sourceLines: number[];
	/** What a relative URL of this record points at. */
	resolve(url: string, image: boolean): LinkTarget;
	/** A private client's site blocks remote images (its Content-Security-Policy): they become links. */
	privateClient: boolean;
	/** The file name a local image gets beside the decision (decided by the caller, which sees every record). */
	imageName(file: string): string;
}

export interface RewriteResult {
	body: string;
	/** Local images to copy: source file → name beside the decision. */
	images: Map<string, string>;
	notes: ImportNote[];
}

/** Standard HTML elements: a tag with any other name is text an author meant to show (`<command>`). */
const HTML_TAGS = new Set(
	(
		'a abbr b bdi bdo blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr ' +
		'i img ins kbd li mark ol p picture pre q s samp small source span strong sub summary sup table tbody td tfoot th thead time tr u ul var wbr'
	).split(' '),
);

interface Edit {
	start: number;
	end: number;
	text: string;
}

/**
 * Rewrites a record's body for its new home: links to other imported records go to their decision
 * pages (`../13/`), local images are renamed beside the decision, links to files that were not
 * imported keep their text, and tags HTML does not know are escaped so their text shows.
 */
export function rewriteBody(input: RewriteInput): RewriteResult {
	const { body } = input;
	const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
	const edits: Edit[] = [];
	const images = new Map<string, string>();
	const notes: ImportNote[] = [];
	const lineOf = (node: Nodes) => input.sourceLines[(node.position?.start.line ?? 1) - 1] ?? input.sourceLines[0] ?? 1;

	walk(tree, undefined, (node, parent) => {
		const start = node.position?.start.offset;
		const end = node.position?.end.offset;
		if (start === undefined || end === undefined) return;
		if (node.type === 'link' && isRelative(node.url)) {
			const target = input.resolve(node.url, false);
			const first = node.children[0]?.position?.start.offset ?? start + 1;
			const last = node.children.at(-1)?.position?.end.offset ?? start + 1;
			if (target.kind === 'record') edits.push({ start: last, end, text: `](../${target.number}/${hashOf(node.url)})` });
			else if (target.kind === 'image') edits.push({ start: last, end, text: `](./${imageFor(target.file)})` });
			else {
				edits.push({ start, end: first, text: '' }, { start: last, end, text: '' });
				notes.push({
					line: lineOf(node),
					message: `link to ${node.url}: ${target.shown} is not one of the imported records; kept the link's text`,
				});
			}
		} else if (node.type === 'definition' && isRelative(node.url)) {
			const target = input.resolve(node.url, false);
			if (target.kind === 'record')
				edits.push({ start, end, text: `[${node.label ?? node.identifier}]: ../${target.number}/${hashOf(node.url)}` });
			else notes.push({ line: lineOf(node), message: `link definition ${node.url} leads to no imported record; fix it by hand` });
		} else if (node.type === 'image' && isRelative(node.url)) {
			const target = input.resolve(node.url, true);
			const alt = (node.alt ?? '').replace(/[[\]\\]/g, '\\$&');
			if (target.kind === 'image') edits.push({ start, end, text: `![${alt}](./${encodeURI(imageFor(target.file))})` });
			else {
				edits.push({ start, end, text: alt ? `*${alt}*` : '' });
				notes.push({ line: lineOf(node), message: `image ${node.url} not found; replaced by its description` });
			}
		} else if (node.type === 'image' && /^(?:https?:)?\/\//i.test(node.url) && input.privateClient) {
			// A link is not fetched until clicked, so the page stays within its Content-Security-Policy.
			const alt = (node.alt ?? '').replace(/[[\]\\]/g, '\\$&');
			edits.push({ start, end, text: parent?.type === 'link' ? alt || node.url : `[${alt || node.url}](${node.url})` });
			notes.push({
				line: lineOf(node),
				message: `remote image ${node.url}: this client's site is private and blocks images from other sites, so it became a link; download it next to the decision to show it`,
			});
		} else if (node.type === 'html') {
			const tag = /^<\/?([A-Za-z][\w-]*)/.exec(node.value)?.[1];
			if (tag && !HTML_TAGS.has(tag.toLowerCase())) {
				edits.push({ start, end, text: node.value.replace(/</g, '&lt;') });
				notes.push({ line: lineOf(node), message: `${node.value.split('\n')[0]} is no HTML tag; escaped so it shows as text` });
			}
		}
	});

	function imageFor(file: string): string {
		const name = images.get(file) ?? input.imageName(file);
		images.set(file, name);
		return name;
	}

	let text = body;
	for (const edit of edits.sort((a, b) => b.start - a.start || b.end - a.end))
		text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
	return { body: text, images, notes };
}

/** A link or image that points at a file next to the record, not at a site or an anchor. */
function isRelative(url: string): boolean {
	return url !== '' && !/^(?:[a-z][a-z0-9+.-]*:|\/\/|#|\/)/i.test(url);
}

function hashOf(url: string): string {
	const hash = url.indexOf('#');
	return hash === -1 ? '' : url.slice(hash);
}

function walk(node: Nodes, parent: Nodes | undefined, visit: (node: Nodes, parent: Nodes | undefined) => void): void {
	visit(node, parent);
	if ('children' in node) for (const child of (node as Parent).children) walk(child as Nodes, node, visit);
}
