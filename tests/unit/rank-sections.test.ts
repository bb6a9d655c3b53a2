import { describe, expect, it } from 'vitest';
import { findTerms, keepHolding, matchPage, pageWords, rankMatches, searchTerms, type PageText } from '@/runtime/search/rank-sections';

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

	it('drops the quotation marks around a phrase, keeping the marks inside a word', () => {
		expect(searchTerms('"content freeze"')).toEqual(['content', 'freeze']);
		expect(searchTerms('“负面影响” track.php it’s')).toEqual(['负面影响', 'track.php', 'it’s']);
	});
});

describe('finding the words in a page', () => {
	it('matches a word whatever its case, accents and punctuation, or with a plural ending, as typed', () => {
		const words = pageWords('We chose Contentful, not the Café’s content APIs.');
		const found = findTerms(['cafe', 'api', 'contentful'], words);
		expect(found.filter((occurrence) => occurrence.exact).map((occurrence) => words[occurrence.start])).toEqual([
			'Contentful,',
			'Café’s',
			'APIs.',
		]);
	});

	it('counts a longer word the typed one starts, or a word of the same stem, but not as typed', () => {
		const words = pageWords('Contentful was prioritised; content is prioritising.');
		const content = findTerms(['content'], words);
		expect(content.map((occurrence) => [words[occurrence.start], occurrence.exact])).toEqual([
			['Contentful', false],
			['content', true],
		]);
		expect(findTerms(['prioritised'], words).map((occurrence) => words[occurrence.start])).toEqual(['prioritised;', 'prioritising.']);
		// Too short to stand for the longer words it starts: "to" is not "today".
		expect(findTerms(['to'], pageWords('today to tomorrow'))).toEqual([{ term: 0, start: 1, end: 1, exact: true }]);
	});

	it('finds a run of Chinese however Pagefind segmented the text (zero-width spaces between its words)', () => {
		const words = pageWords(['日常', '问题', '直接', '发到', '企业', '微', '信', '群', '。'].join('\u200B'));
		expect(words).toHaveLength(9);
		expect(findTerms(['企业微信群'], words)).toEqual([{ term: 0, start: 4, end: 7, exact: true }]);
		expect(findTerms(['区块链'], words)).toEqual([]);
	});
});

const page = (text: string, headings: Array<[id: string, text: string]>, title = 'A decision'): PageText => {
	const words = pageWords(text);
	return {
		url: '/site/decisions/3/',
		raw_content: text,
		content: text,
		meta: { title },
		anchors: headings.map(([id, heading]) => ({
			element: 'h2',
			id,
			text: heading,
			location: Math.max(words.indexOf(heading), words.indexOf(`${heading}.`)),
		})),
	};
};

describe('the section a result links to', () => {
	const decision = page(
		'A decision. Outcome. We chose the provider for its consequences. Negative. A provider outage takes images down. More. Outage reports go to the provider.',
		[
			['outcome', 'Outcome'],
			['negative', 'Negative'],
			['more', 'More'],
		],
	);

	it('is the one holding all the words closest together, not the first that holds one', () => {
		const match = matchPage(['provider', 'outage'], decision);
		expect(match.best.url).toBe('/site/decisions/3/#negative');
		expect(match.excerpt).toContain('A <mark>provider outage</mark> takes');
		expect(match.excerpt).not.toContain('Outcome');
	});

	it('shows the stretch of the section holding the most of the words, even when they stand far apart', () => {
		const filler = (count: number) => Array.from({ length: count }, (_, index) => `word${index}`).join(' ');
		const long = page(`Top. Risks. ${filler(10)} content freeze ${filler(60)} content ${filler(40)} freeze ${filler(40)}`, [
			['risks', 'Risks'],
		]);
		const match = matchPage(['content', 'freeze'], long);
		expect(match.best.url).toBe('/site/decisions/3/#risks');
		expect(match.excerpt).toMatch(/^word6 word7 word8 word9 <mark>content freeze<\/mark> word0 /);
		expect(matchPage(['freeze'], page(`Top. Risks. ${filler(60)} freeze.`, [['risks', 'Risks']])).excerpt).toContain(
			'<mark>freeze.</mark>',
		);
	});

	it('among sections fitting as well, the one whose heading says it, else the first', () => {
		expect(matchPage(['negative'], decision).best.url).toBe('/site/decisions/3/#negative');
		expect(matchPage(['provider'], decision).best.url).toBe('/site/decisions/3/#outcome');
	});

	it('is the top of the page when that fits best, and its id is written for an address', () => {
		expect(matchPage(['decision'], decision).best.url).toBe('/site/decisions/3/');
		const chinese = page(['决定', '。 ', '背景', '.', '负面', '影响', '很', '小', '。'].join('\u200B'), [['背景', '背景']], '决定');
		expect(matchPage(['负面影响'], chinese).best.url).toBe(`/site/decisions/3/#${encodeURIComponent('背景')}`);
		// Pagefind split the word in two; it is marked as one, without spaces between Chinese words.
		expect(matchPage(['负面影响'], chinese).excerpt).toBe('背景.<mark>负面影响</mark>很小。');
	});
});

describe('the order of pages', () => {
	const read = (id: string, text: string, title: string, explains = false) => ({
		result: id,
		match: matchPage(['adopt', 'new', 'url', 'structure'], page(text, [], title)),
		explains,
	});

	it('puts the pages holding all the words first, then those holding them as typed, then closest together', () => {
		const ranked = rankMatches([
			read('some-words', 'We adopt a new look.', 'Look'),
			read('scattered', 'Adopt it. A new page. Its URL. The structure.', 'Page'),
			read('stems-only', 'Adopting new URLs structured well.', 'Page'),
			read('phrase', 'We adopt a new URL structure.', 'Page'),
		]);
		expect(ranked).toEqual(['phrase', 'scattered', 'stems-only', 'some-words']);
	});

	it('among pages holding the phrase, the one titled with it, then one that explains a subject, then Pagefind’s order', () => {
		const body = 'We adopt a new URL structure.';
		expect(rankMatches([read('mention', body, 'Feedback'), read('titled', body, 'Adopt a new URL structure')])).toEqual([
			'titled',
			'mention',
		]);
		expect(rankMatches([read('record', body, 'Notes'), read('answer', body, 'Question', true)])).toEqual(['answer', 'record']);
		expect(rankMatches([read('first', body, 'Notes'), read('second', body, 'Notes')])).toEqual(['first', 'second']);
	});

	it('drops the pages holding none of the words (a shorter prefix standing in for a missing one), ordering by words held on request', () => {
		const results = [{ id: 'one-word' }, { id: 'both' }, { id: 'a-prefix-only' }];
		const holding = [{ results: [{ id: 'one-word' }, { id: 'both' }] }, { results: [{ id: 'both' }] }];
		expect(keepHolding(results, holding).map((result) => result.id)).toEqual(['one-word', 'both']);
		expect(keepHolding(results, holding, true).map((result) => result.id)).toEqual(['both', 'one-word']);
		expect(keepHolding(results, [])).toEqual(results);
	});
});
