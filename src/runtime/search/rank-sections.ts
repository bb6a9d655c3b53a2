/**
 * Ranking on top of Pagefind's. Pagefind scores pages, and splits each page's matches into
 * sections (one per heading, `sub_results`) in page order; it returns pages that match any of
 * the words. Here the pages that hold more of the words come first, and the section a result
 * links to is the one that holds the most of the words, closest together: a phrase from
 * "Negative consequences" lands on that heading, not on the first section that mentions one word.
 */

/** A Latin letter or digit run shorter than this is a fragment being typed, not a word: "k" would match every word with a k in it. */
const SHORTEST_LATIN_TERM = 2;

/**
 * The words of a query that are searched for: typed fragments of Latin script shorter than two
 * letters are left out. A run of Chinese (written without spaces) stays whole: it is searched as
 * a phrase, so "区块链" does not match a page that only has "链" in "供应链".
 */
export function searchTerms(query: string): string[] {
	return query
		.trim()
		.split(/\s+/)
		.filter((term) => {
			const word = term.replace(/[^\p{L}\p{N}]/gu, '');
			if (!word) return false;
			return !(word.length < SHORTEST_LATIN_TERM && /^[\p{Script=Latin}]+$/u.test(word));
		});
}

/** The pages that hold one word of a query, with the positions of that word in each (Pagefind's `words`). */
export interface TermResults {
	results: Array<{ id: string; words: number[] }>;
}

/**
 * Pagefind's own order, with the pages that hold more of the query's words first, then those
 * where the words stand closest together (a phrase before words scattered over the page), then
 * those holding them as written ("Contentful", not only a word of the same stem such as
 * "content"). A page that holds none of the words is left out: when a word is not in the index,
 * Pagefind falls back to a shorter prefix of it ("blockchain" finds "blocked", "Kubernetes" a
 * lone "k"). `holding[i]` is an exact search for word i, which allows its stem but no fallback;
 * `asWritten(id)`, where known, counts the words a page holds as written.
 */
export function rankPages<T extends { id: string }>(
	results: T[],
	holding: readonly TermResults[],
	asWritten: ReadonlyMap<string, number> = new Map(),
): T[] {
	if (holding.length === 0) return results;
	const positions = holding.map((term) => new Map(term.results.map((result) => [result.id, result.words])));
	// Stable: within the same counts, Pagefind's own order (its relevance score) stays.
	return results
		.map((result, index) => {
			const hits = positions.flatMap((term, number) => (term.get(result.id) ?? []).map((location) => ({ location, term: number })));
			const covered = new Set(hits.map((hit) => hit.term)).size;
			return { result, index, covered, span: shortestSpan(hits, covered), written: asWritten.get(result.id) ?? 0 };
		})
		.filter(({ covered }) => covered > 0)
		.sort((a, b) => b.covered - a.covered || a.span - b.span || b.written - a.written || a.index - b.index)
		.map(({ result }) => result);
}

/** `results` in their own order (a date sort), without the pages that hold none of the words (see `rankPages`). */
export function keepHolding<T extends { id: string }>(results: T[], holding: readonly TermResults[]): T[] {
	if (holding.length === 0) return results;
	const held = new Set(holding.flatMap((term) => term.results.map((result) => result.id)));
	return results.filter((result) => held.has(result.id));
}

/**
 * How many of `terms` a page holds as written: a word of its text at the matched `locations`
 * equal to the term or starting with it, ignoring case, accents and punctuation. Only for
 * scripts written with spaces; Chinese has no stems, so its exact search already says so.
 */
export function termsAsWritten(terms: readonly string[], content: string, locations: readonly number[]): number {
	const words = content.split(/[^\S\uFEFF]+/g);
	const found = new Set(locations.map((location) => plain(words[location] ?? '')));
	return terms.map(plain).filter((term) => term && [...found].some((word) => word.startsWith(term))).length;
}

function plain(word: string): string {
	return word
		.normalize('NFD')
		.replace(/[^\p{L}\p{N}]/gu, '')
		.toLowerCase();
}

export interface Section {
	url: string;
	/** Word positions of the matches in the page, as Pagefind numbers them. */
	locations: number[];
	weighted_locations?: Array<{ weight: number; balanced_score: number; location: number }>;
}

/**
 * The section that best matches: the most query words present, then the shortest stretch of
 * text holding all of them, then the heaviest matches (words in headings weigh more), then the
 * earliest. `termLocations` holds, per query word, the positions that matched it (from an exact
 * search for that word alone); without them, every match counts as the one word.
 */
export function bestSection<T extends Section>(sections: readonly T[], termLocations: ReadonlyArray<ReadonlySet<number>>): T | undefined {
	let best: { section: T; covered: number; span: number; weight: number } | undefined;
	for (const section of sections) {
		if (section.locations.length === 0) continue;
		const hits = section.locations.flatMap((location) =>
			termLocations.length < 2
				? [{ location, term: 0 }]
				: termLocations.flatMap((set, term) => (set.has(location) ? [{ location, term }] : [])),
		);
		const covered = new Set(hits.map((hit) => hit.term)).size;
		if (covered === 0 && best) continue;
		const span = shortestSpan(hits, covered);
		const weight =
			(section.weighted_locations ?? []).reduce((sum, location) => sum + location.balanced_score, 0) || section.locations.length;
		const better =
			!best || covered > best.covered || (covered === best.covered && (span < best.span || (span === best.span && weight > best.weight)));
		if (better) best = { section, covered, span, weight };
	}
	return best?.section;
}

/** The fewest words from the first to the last of a stretch that holds every one of `terms` distinct words. */
function shortestSpan(hits: Array<{ location: number; term: number }>, terms: number): number {
	if (terms < 2) return 0;
	const sorted = [...hits].sort((a, b) => a.location - b.location);
	const inWindow = new Map<number, number>();
	let shortest = Number.POSITIVE_INFINITY;
	let start = 0;
	for (const hit of sorted) {
		inWindow.set(hit.term, (inWindow.get(hit.term) ?? 0) + 1);
		while (inWindow.size === terms) {
			const first = sorted[start]!;
			shortest = Math.min(shortest, hit.location - first.location);
			const left = inWindow.get(first.term)! - 1;
			if (left === 0) inWindow.delete(first.term);
			else inWindow.set(first.term, left);
			start++;
		}
	}
	return shortest;
}
