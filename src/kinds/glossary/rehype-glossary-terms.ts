import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root, Text } from 'hast';
import { namesOf, type GlossaryTerm } from './schema';
import { termMatcher, type TermMatcher } from './term-matcher';

/** A client's glossary as the plugin needs it for one file. */
export interface FileGlossary {
	terms: readonly GlossaryTerm[];
	/** The address of a term's entry on the Glossary page (`/acme/glossary/#uat`). */
	entryHref: (term: GlossaryTerm) => string;
	/** The link text from a definition to the Glossary page, in the client's language. */
	allTermsLabel: string;
}

export interface GlossaryTermsOptions {
	/** The glossary of the client a content file belongs to, if it has one. */
	glossaryFor: (filePath: string | undefined) => Promise<FileGlossary | undefined>;
}

interface FileLike {
	path?: string;
}

/** Class of the wrapper around a marked term; the CSS lives with the other content styles. */
export const GLOSSARY_TERM_CLASS = 'glossary-term';

// Text inside these is not running prose, or is already interactive or explained: never marked.
const SKIPPED = new Set([
	'h1',
	'h2',
	'h3',
	'h4',
	'h5',
	'h6',
	'a',
	'button',
	'code',
	'pre',
	'kbd',
	'samp',
	'abbr',
	'dfn',
	'script',
	'style',
	'svg',
	'math',
	'textarea',
	'select',
	'label',
	'summary',
]);

/**
 * A rehype plugin that marks the first use of each glossary term (or one of its aliases) in a
 * content body: the words become a button that opens the term's plain definition.
 *
 * Why a button with a popover (`popovertarget` and the `popover` attribute) rather than a tooltip
 * or a script: the browser itself opens it on Enter, Space or a tap, closes it on Escape or a
 * click elsewhere and returns focus to the button, and tells screen readers whether it is
 * expanded, so it works by keyboard and touch, never on hover alone. It needs no script, so it
 * holds under the strict Content-Security-Policy and still works after the gate decrypts a page
 * and puts it in place (there is no handler to bind again). The definition is also the button's
 * accessible description (aria-describedby), read with the term before it is opened. A browser
 * without popovers shows the definition inline after the term, which still reads well.
 *
 * Not marked: headings, links, code, buttons, existing <abbr>/<dfn>. Each body is a unit: on a page
 * listing several (the FAQ), each answer marks its own first uses, since readers land on one answer.
 */
export function rehypeGlossaryTerms({ glossaryFor }: GlossaryTermsOptions) {
	return async (tree: Root, file: FileLike): Promise<void> => {
		const glossary = await glossaryFor(file.path);
		if (!glossary || glossary.terms.length === 0) return;
		const matcher = matcherOf(glossary.terms);
		const used = new Set<number>();
		const idPrefix = `gl-${createHash('sha256')
			.update(lastSegments(file.path ?? ''))
			.digest('hex')
			.slice(0, 8)}`;
		const walk = (parent: Root | Element) => {
			for (let index = 0; index < parent.children.length; index++) {
				const node = parent.children[index]!;
				if (node.type === 'element') {
					if (!SKIPPED.has(node.tagName) && !hasClass(node, GLOSSARY_TERM_CLASS)) walk(node);
					continue;
				}
				if (node.type !== 'text' || used.size === glossary.terms.length) continue;
				const replacement = markText(node, matcher.matches(node.value), used, (entry, text) =>
					markedTerm(glossary, glossary.terms[entry]!, text, `${idPrefix}-${used.size}`),
				);
				if (!replacement) continue;
				parent.children.splice(index, 1, ...(replacement as Root['children'] & ElementContent[]));
				index += replacement.length - 1;
			}
		};
		walk(tree);
	};
}

// One matcher per glossary, not per body: its pattern is compiled once for all of a client's bodies.
// Keyed by the terms list, which the glossary's reader gives again as long as the file is unchanged.
const matchers = new WeakMap<readonly GlossaryTerm[], TermMatcher>();
function matcherOf(terms: readonly GlossaryTerm[]): TermMatcher {
	let matcher = matchers.get(terms);
	if (!matcher) matchers.set(terms, (matcher = termMatcher(terms.map(namesOf))));
	return matcher;
}

/** The text split around the first use of each term not used yet, or undefined when it has none. */
function markText(
	node: Text,
	matches: ReturnType<ReturnType<typeof termMatcher>['matches']>,
	used: Set<number>,
	mark: (entry: number, text: string) => Element,
): ElementContent[] | undefined {
	const parts: ElementContent[] = [];
	let at = 0;
	for (const match of matches) {
		if (used.has(match.entry)) continue;
		used.add(match.entry);
		if (match.start > at) parts.push({ type: 'text', value: node.value.slice(at, match.start) });
		parts.push(mark(match.entry, match.text));
		at = match.end;
	}
	if (parts.length === 0) return undefined;
	if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
	return parts;
}

/** The term as written, as a button opening its definition (see the plugin's comment for why). */
function markedTerm(glossary: FileGlossary, entry: GlossaryTerm, text: string, id: string): Element {
	const definitionId = `${id}-definition`;
	const element = (tagName: string, properties: Element['properties'], children: ElementContent[]): Element => ({
		type: 'element',
		tagName,
		properties,
		children,
	});
	return element('span', { className: [GLOSSARY_TERM_CLASS] }, [
		element('button', { type: 'button', className: ['glossary-term-button'], popovertarget: id, ariaDescribedBy: [definitionId] }, [
			{ type: 'text', value: text },
		]),
		// Out of the search index: the page is found for what it says, not for the glossary's words.
		element('span', { id, popover: 'auto', className: ['glossary-popover'], dataPagefindIgnore: '' }, [
			element('strong', { className: ['glossary-popover-term'] }, [{ type: 'text', value: entry.term }]),
			{ type: 'text', value: ' ' },
			element('span', { id: definitionId }, [{ type: 'text', value: entry.definition }]),
			{ type: 'text', value: ' ' },
			element('a', { href: glossary.entryHref(entry), className: ['glossary-popover-link'] }, [
				{ type: 'text', value: glossary.allTermsLabel },
			]),
		]),
	]);
}

function hasClass(node: Element, name: string): boolean {
	const classes = node.properties.className;
	return Array.isArray(classes) && classes.includes(name);
}

/** `<client>/<folder>/<file>`: the same ids wherever the content folder is (builds compare equal across machines). */
function lastSegments(filePath: string): string {
	return filePath.split(/[\\/]/).slice(-3).join('/');
}
