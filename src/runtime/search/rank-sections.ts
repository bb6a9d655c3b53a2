/**
 * Ranking on top of Pagefind's. Pagefind scores pages by any of the words of a query, weighs a
 * word of the same stem like the word itself ("Contentful" stems to "content"), and its per-word
 * positions cannot tell which word of a query a match stands for. So the pages it ranks highest
 * are read here (their text and headings), each query word is found in them as written, and
 * pages are ordered by the words they hold, then by how close together, then by whether their
 * title says it; the section a result links to is chosen the same way inside the page, so a
 * phrase from "Negative consequences" lands on that heading, not on the first section that
 * mentions one of its words. Nothing here knows a kind of page: only text, titles and headings.
 */

/** A Latin letter or digit run shorter than this is a fragment being typed, not a word: "k" would match every word with a k in it. */
const SHORTEST_LATIN_TERM = 2;

/** A typed word this short matches only itself, not the longer words it starts ("to" is not "today"). */
const SHORTEST_PREFIX = 3;

/**
 * Scripts written without spaces between words. A run of them is one query word, matched
 * wherever it stands in the text, whatever way Pagefind segmented the text into words.
 */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** Quotation marks around a word or phrase: the words are searched for, and a phrase's words rank first where they stand together anyway. */
const QUOTES = /^[\p{Pi}\p{Pf}"'「」『』]+|[\p{Pi}\p{Pf}"'「」『』]+$/gu;

/**
 * The words of a query that are searched for, without quotation marks: typed fragments of Latin
 * script shorter than two letters are left out. A run of Chinese (written without spaces) stays
 * whole: it is searched as a phrase, so "区块链" does not match a page that only has "链" in "供应链".
 */
export function searchTerms(query: string): string[] {
	return query
		.trim()
		.split(/\s+/)
		.map((term) => term.replace(QUOTES, ''))
		.filter((term) => {
			const word = term.replace(/[^\p{L}\p{N}]/gu, '');
			if (!word) return false;
			return !(word.length < SHORTEST_LATIN_TERM && /^[\p{Script=Latin}]+$/u.test(word));
		});
}

/** The pages that hold one word of a query (an exact Pagefind search for it: stems, but no shorter prefix standing in for a missing word). */
export interface TermResults {
	results: Array<{ id: string }>;
}

/**
 * `results` without the pages that hold none of the words. When a word is not in the index,
 * Pagefind falls back to a shorter prefix of it ("blockchain" finds "blocked", "Kubernetes" a
 * lone "k"); `holding[i]` is an exact search for word i, which has no such fallback. With
 * `byWords`, pages holding more of the words come first (stable: Pagefind's order otherwise).
 */
export function keepHolding<T extends { id: string }>(results: T[], holding: readonly TermResults[], byWords = false): T[] {
	if (holding.length === 0) return results;
	const sets = holding.map((term) => new Set(term.results.map((result) => result.id)));
	const counted = results
		.map((result) => ({ result, words: sets.filter((set) => set.has(result.id)).length }))
		.filter(({ words }) => words > 0);
	if (byWords) counted.sort((a, b) => b.words - a.words);
	return counted.map(({ result }) => result);
}

/** What Pagefind keeps of a page: its text with the words as it numbers them, its title and its headings. */
export interface PageText {
	url: string;
	/** The page's text, HTML-escaped; words are separated by zero-width spaces where Pagefind segmented an unspaced script, else by spaces. */
	raw_content?: string;
	content: string;
	meta: Record<string, string>;
	anchors?: Array<{ element: string; id?: string; text?: string; title?: string; location: number }>;
}

/** A stretch of a page holding one query word: word positions `start` to `end`, both included. */
export interface Occurrence {
	term: number;
	start: number;
	end: number;
	/** The word as typed (any case and accents, or with a plural ending); not only a word it is a prefix of or shares a stem with. */
	exact: boolean;
}

/** How well a stretch of text (a page, a section, a title) matches a query. */
export interface Fit {
	/** Query words it holds, exactly or not. */
	covered: number;
	/** Query words it holds as typed. */
	exact: number;
	/** Words from the first to the last of the closest group holding every word it holds (0 for one word). */
	span: number;
	/** Occurrences of query words as typed. */
	count: number;
}

export interface Section {
	/** The page's URL, with the heading's id for a section below a heading. */
	url: string;
	/** The heading's text; the page's title for the top of the page. */
	title: string;
	start: number;
	end: number;
	fit: Fit;
	/** Query words in the heading itself, as typed. */
	heading: number;
}

/** A page read against a query: how well it fits, its title's fit, its best section and that section's excerpt. */
export interface PageMatch {
	fit: Fit;
	title: Fit;
	best: Section;
	excerpt: string;
}

/** Words of a page as Pagefind numbers them (its `build_excerpt`): split at zero-width spaces if it has any, else at white space. */
export function pageWords(raw: string): string[] {
	return raw.includes('\u200B') ? raw.split('\u200B') : raw.split(/[^\S\uFEFF]+/g);
}

/** A word without case, accents, punctuation or HTML escapes, for comparing. */
export function plain(word: string): string {
	return word
		.replace(/&(lt|gt|amp|quot|#39|#x27);/g, ' ')
		.normalize('NFD')
		.replace(/[^\p{L}\p{N}]/gu, '')
		.toLowerCase();
}

/** A typed word and a word of the text are the same word: equal, or one is the other with a plural ending. */
function sameWord(word: string, term: string): boolean {
	if (word === term) return true;
	const [short, long] = word.length < term.length ? [word, term] : [term, word];
	return long.startsWith(short) && /^(s|es)$/.test(long.slice(short.length));
}

/** A word of the text the typed word may stand for: one it starts (a word being typed) or one sharing a long stem with it. */
function relatedWord(word: string, term: string): boolean {
	if (term.length >= SHORTEST_PREFIX && word.startsWith(term)) return true;
	let shared = 0;
	while (shared < word.length && shared < term.length && word[shared] === term[shared]) shared++;
	return shared >= 4 && shared >= Math.max(word.length, term.length) - 4;
}

/**
 * Where each query word stands in `words`. A word of a spaced script is compared with each word
 * of the text; a run of an unspaced script is found inside the text read without its word
 * breaks, so it matches however the text was segmented.
 */
export function findTerms(terms: readonly string[], words: readonly string[]): Occurrence[] {
	const plainWords = words.map(plain);
	const found: Occurrence[] = [];
	let joined: { text: string; wordAt: number[] } | undefined;
	terms.forEach((typed, term) => {
		const wanted = plain(typed);
		if (!wanted) return;
		if (UNSPACED.test(wanted)) {
			joined ??= joinWords(plainWords);
			for (let at = joined.text.indexOf(wanted); at >= 0; at = joined.text.indexOf(wanted, at + 1))
				found.push({ term, start: joined.wordAt[at]!, end: joined.wordAt[at + wanted.length - 1]!, exact: true });
			return;
		}
		plainWords.forEach((word, index) => {
			if (!word) return;
			const exact = sameWord(word, wanted);
			if (exact || relatedWord(word, wanted)) found.push({ term, start: index, end: index, exact });
		});
	});
	return found.sort((a, b) => a.start - b.start || a.term - b.term);
}

function joinWords(words: readonly string[]): { text: string; wordAt: number[] } {
	const wordAt: number[] = [];
	words.forEach((word, index) => {
		for (let i = 0; i < word.length; i++) wordAt.push(index);
	});
	return { text: words.join(''), wordAt };
}

/** How well the occurrences (of one stretch of text) fit a query. */
export function fitOf(occurrences: readonly Occurrence[]): Fit {
	const covered = new Set(occurrences.map((occurrence) => occurrence.term)).size;
	const exactOnes = occurrences.filter((occurrence) => occurrence.exact);
	return {
		covered,
		exact: new Set(exactOnes.map((occurrence) => occurrence.term)).size,
		span: shortestSpan(occurrences, covered),
		count: exactOnes.length,
	};
}

/** Negative when `a` fits better: more of the words, then more as typed, then closer together, then more often. */
export function compareFits(a: Fit, b: Fit): number {
	return b.covered - a.covered || b.exact - a.exact || a.span - b.span || b.count - a.count;
}

/** Words around a match shown under a result, as many as Pagefind's own excerpts (load-pagefind.ts). */
export const EXCERPT_WORDS = 24;

/**
 * Reads one page against the query's `terms`: which words it holds and where, which section
 * fits best (the top of the page, title included, is a section too), and an excerpt of that
 * section centred on its closest group of the words, the words marked.
 */
export function matchPage(terms: readonly string[], page: PageText): PageMatch {
	const raw = page.raw_content ?? page.content;
	const words = pageWords(raw);
	const occurrences = findTerms(terms, words);
	const title = page.meta.title ?? '';
	const sections = sectionsOf(page, words.length).map((section) => {
		const inside = occurrences.filter((occurrence) => occurrence.start >= section.start && occurrence.start < section.end);
		const heading = section.start === 0 ? 0 : fitOf(findTerms(terms, section.title.split(/\s+/))).exact;
		return { ...section, fit: fitOf(inside), heading };
	});
	// The best section: the best fit, then the one whose heading says it, then the first.
	const best = sections.reduce((chosen, section) => {
		const order = compareFits(section.fit, chosen.fit) || chosen.heading - section.heading;
		return order < 0 ? section : chosen;
	});
	return {
		fit: fitOf(occurrences),
		title: fitOf(findTerms(terms, title.split(/\s+/))),
		best,
		excerpt: excerptOf(words, occurrences, best, raw.includes('\u200B') ? '' : ' '),
	};
}

/** The top of the page, then one section per heading Pagefind keeps as a sub-result (a title, or a heading element with text), as its `calculate_sub_results` does. */
function sectionsOf(page: PageText, length: number): Array<Omit<Section, 'fit' | 'heading'>> {
	const headings = (page.anchors ?? [])
		.filter((anchor) => (anchor.title && /\S/.test(anchor.title)) || (/h\d/i.test(anchor.element) && anchor.text && /\S/.test(anchor.text)))
		.filter((anchor) => anchor.id)
		.sort((a, b) => a.location - b.location);
	const top = { url: page.url, title: page.meta.title ?? '', start: 0, end: headings[0]?.location ?? length };
	return [
		top,
		...headings.map((heading, index) => ({
			url: `${page.url.split('#')[0]}#${encodeURIComponent(heading.id!)}`,
			title: (heading.title ?? heading.text ?? '').trim(),
			start: heading.location,
			end: headings[index + 1]?.location ?? length,
		})),
	];
}

/** Words shown before the first match of an excerpt, so it does not start on the match. */
const EXCERPT_LEAD = 4;

function excerptOf(words: readonly string[], occurrences: readonly Occurrence[], section: Section, joiner: string): string {
	const inside = occurrences.filter((occurrence) => occurrence.start >= section.start && occurrence.start < section.end);
	// The stretch of the section showing the most of the words, then the most matches: one starting a little before a match.
	const last = Math.max(section.start, section.end - EXCERPT_WORDS);
	let start = section.start;
	let best = { terms: 0, count: 0 };
	for (const occurrence of inside) {
		const from = Math.min(last, Math.max(section.start, occurrence.start - EXCERPT_LEAD));
		const shown = inside.filter((other) => other.start >= from && other.end < from + EXCERPT_WORDS);
		const fit = { terms: new Set(shown.map((other) => other.term)).size, count: shown.length };
		if (fit.terms > best.terms || (fit.terms === best.terms && fit.count > best.count)) [start, best] = [from, fit];
	}
	const end = Math.min(section.end, start + EXCERPT_WORDS);
	const marked = new Set(inside.flatMap((occurrence) => range(occurrence.start, occurrence.end)));
	// The text is Pagefind's, HTML-escaped at indexing; only <mark> elements are added, as Pagefind does. Words marked
	// one after another share one mark, so a phrase (or a Chinese word Pagefind split in three) reads as one.
	const runs: Array<{ marked: boolean; words: string[] }> = [];
	for (const index of range(start, end - 1)) {
		const last = runs.at(-1);
		if (last && last.marked === marked.has(index)) last.words.push(words[index]!);
		else runs.push({ marked: marked.has(index), words: [words[index]!] });
	}
	return runs
		.map((run) => (run.marked ? `<mark>${run.words.join(joiner)}</mark>` : run.words.join(joiner)))
		.join(joiner)
		.trim();
}

function range(from: number, to: number): number[] {
	return Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
}

/** The fewest words from the first to the last of a stretch that holds every one of `terms` distinct words. */
function shortestSpan(occurrences: readonly Occurrence[], terms: number): number {
	const group = closestGroup(occurrences, terms);
	return group ? group.to - group.from : 0;
}

/** The closest stretch holding `terms` distinct words: its first and last word positions. */
function closestGroup(occurrences: readonly Occurrence[], terms: number): { from: number; to: number } | undefined {
	if (terms === 0) return undefined;
	const sorted = [...occurrences].sort((a, b) => a.start - b.start);
	const inWindow = new Map<number, number>();
	let best: { from: number; to: number } | undefined;
	let start = 0;
	let last = 0;
	for (const occurrence of sorted) {
		inWindow.set(occurrence.term, (inWindow.get(occurrence.term) ?? 0) + 1);
		last = Math.max(last, occurrence.end);
		while (inWindow.size === terms) {
			const first = sorted[start]!;
			if (!best || last - first.start < best.to - best.from) best = { from: first.start, to: last };
			const left = inWindow.get(first.term)! - 1;
			if (left === 0) inWindow.delete(first.term);
			else inWindow.set(first.term, left);
			start++;
		}
	}
	return best;
}

/**
 * Orders the pages read with `matchPage` (Pagefind's highest, in its order): the most query
 * words, then the most as typed, then the title holding the most of them, then the words
 * closest together, then pages that `explain` a subject (a question answered, a decision and
 * its reasons) before records that mention it in passing, then the most occurrences, then
 * Pagefind's order.
 */
export function rankMatches<T>(pages: ReadonlyArray<{ result: T; match: PageMatch; explains?: boolean }>): T[] {
	return pages
		.map((page, index) => ({ ...page, index }))
		.sort(
			(a, b) =>
				b.match.fit.covered - a.match.fit.covered ||
				b.match.fit.exact - a.match.fit.exact ||
				b.match.title.exact - a.match.title.exact ||
				a.match.fit.span - b.match.fit.span ||
				Number(b.explains ?? false) - Number(a.explains ?? false) ||
				b.match.fit.count - a.match.fit.count ||
				a.index - b.index,
		)
		.map(({ result }) => result);
}
