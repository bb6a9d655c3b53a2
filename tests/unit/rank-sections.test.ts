import { describe, expect, it } from 'vitest';
import { bestSection, keepHolding, rankPages, searchTerms, termsAsWritten } from '@/runtime/search/rank-sections';

describe('the words of a query', () => {
	it('leaves out single Latin letters, which would match every word that has one', () => {
		expect(searchTerms('k')).toEqual([]);
		expect(searchTerms('Kubernetes k')).toEqual(['Kubernetes']);
		expect(searchTerms('CR 5')).toEqual(['CR', '5']);
		expect(searchTerms(' – ')).toEqual([]);
	});

	it('keeps a run of Chinese whole, to be searched as a phrase, and a single Chinese character, which is a word', () => {
		expect(searchTerms('负面影响')).toEqual(['负面影响']);
		expect(searchTerms('茶')).toEqual(['茶']);
		expect(searchTerms('MES 接口')).toEqual(['MES', '接口']);
	});
});

describe('the section a result links to', () => {
	const section = (url: string, locations: number[], score = 1) => ({
		url,
		locations,
		weighted_locations: locations.map((location) => ({ location, weight: 1, balanced_score: score })),
	});
	// Word positions of "negative" (term 0) and "consequences" (term 1) in one page.
	const terms = [new Set([40, 120]), new Set([10, 121, 300])];

	it('is the one holding all the words, not the first that holds one', () => {
		const sections = [section('#outcome', [10, 40]), section('#negative-consequences', [120, 121]), section('#more', [300])];
		expect(bestSection(sections, terms)?.url).toBe('#negative-consequences');
	});

	it('among sections holding all the words, the one where they stand closest', () => {
		const far = section('#far', [40, 10], 5);
		const near = section('#near', [120, 121]);
		expect(bestSection([far, near], terms)?.url).toBe('#near');
	});

	it('for one word, the section where it weighs most (a heading), else the first', () => {
		expect(bestSection([section('#a', [1]), section('#b', [9], 3)], [])?.url).toBe('#b');
		expect(bestSection([section('#a', [1]), section('#b', [9])], [])?.url).toBe('#a');
		expect(bestSection([], [])).toBeUndefined();
	});
});

describe('the order of pages', () => {
	const results = [{ id: 'one-word' }, { id: 'both' }, { id: 'other-one-word' }, { id: 'a-prefix-only' }];
	// Pages that hold each word (exact searches) and where; "a-prefix-only" matched a shorter prefix of a missing word.
	const holding = [
		{
			results: [
				{ id: 'one-word', words: [3] },
				{ id: 'both', words: [10] },
			],
		},
		{
			results: [
				{ id: 'both', words: [50] },
				{ id: 'other-one-word', words: [7] },
			],
		},
	];

	it('puts pages holding more of the words first, keeping the search order otherwise, and drops pages holding none', () => {
		expect(rankPages(results, holding).map((result) => result.id)).toEqual(['both', 'one-word', 'other-one-word']);
		expect(rankPages(results, [])).toEqual(results);
	});

	it('among pages holding all the words, those where they stand closest first', () => {
		const near = [...holding.map((term) => ({ results: [...term.results] }))];
		near[0]!.results.push({ id: 'one-word', words: [3] });
		near[1]!.results.push({ id: 'one-word', words: [4] });
		expect(rankPages(results, near).map((result) => result.id)).toEqual(['one-word', 'both', 'other-one-word']);
	});

	it('then the pages holding the words as written, before those holding only a word of the same stem', () => {
		const written = new Map([['other-one-word', 1]]);
		expect(rankPages(results, holding, written).map((result) => result.id)).toEqual(['both', 'other-one-word', 'one-word']);
	});

	it('keeps a date order as it is, without the pages holding none of the words', () => {
		expect(keepHolding(results, holding).map((result) => result.id)).toEqual(['one-word', 'both', 'other-one-word']);
	});

	it('counts a word as written when a matched word of the text is it or starts with it, whatever its case and accents', () => {
		const content = 'We chose Contentful, not the content API of Café Résumé.';
		expect(termsAsWritten(['contentful'], content, [2])).toBe(1);
		expect(termsAsWritten(['contentful'], content, [5])).toBe(0);
		expect(termsAsWritten(['cafe', 'resume'], content, [8, 9])).toBe(2);
	});
});
