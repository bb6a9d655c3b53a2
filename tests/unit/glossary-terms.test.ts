import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { rehypeGlossaryTerms } from '@/kinds/glossary/rehype-glossary-terms';
import { GlossarySchema } from '@/kinds/glossary/schema';
import { termAnchors } from '@/kinds/glossary/term-anchors';
import { termMatcher } from '@/kinds/glossary/term-matcher';

const glossary = GlossarySchema.parse({
	terms: [
		{ term: 'UAT', definition: 'Testing by your own staff before go-live.', aliases: ['user acceptance testing'] },
		{ term: 'sprint', definition: 'Two weeks of planned work.' },
		{ term: 'entry', definition: 'One line of the log.' },
		{ term: '灰度发布', definition: '先让一小部分用户使用新版本。' },
		{ term: '发布', definition: '把新版本交给用户使用。' },
		{ term: 'MES', definition: '车间的生产执行系统。' },
	],
});

async function mark(html: string, file = '/repo/content/acme/updates/2026-01-09.mdx'): Promise<string> {
	const tree = fromHtml(html, { fragment: true }) as Root;
	const anchors = termAnchors(glossary.terms);
	await rehypeGlossaryTerms({
		glossaryFor: async () => ({
			terms: glossary.terms,
			entryHref: (term) => `/acme/glossary/#${anchors[glossary.terms.indexOf(term)]}`,
			allTermsLabel: 'All terms',
		}),
	})(tree, { path: file });
	return toHtml(tree);
}

/** The words marked, in order. */
const marked = (html: string) => [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((match) => match[1]);

describe('marking the first use of glossary terms', () => {
	it('marks the first use only, as a button that opens the definition and is described by it', async () => {
		const html = await mark('<p>The UAT starts Monday.</p><p>After UAT we fix what it found.</p>');
		expect(marked(html)).toEqual(['UAT']);
		const id = /popovertarget="([^"]+)"/.exec(html)![1]!;
		expect(html).toContain(
			`<button type="button" class="glossary-term-button" popovertarget="${id}" aria-describedby="${id}-definition">UAT</button>`,
		);
		expect(html).toContain(
			`<span id="${id}" popover="auto" class="glossary-popover" data-pagefind-ignore=""><strong class="glossary-popover-term">UAT</strong> <span id="${id}-definition">Testing by your own staff before go-live.</span> <a href="/acme/glossary/#uat" class="glossary-popover-link">All terms</a></span>`,
		);
		expect(html).toContain('<p>After UAT we fix what it found.</p>');
	});

	it('counts an alias as a use of its term, whichever comes first, ignoring case', async () => {
		const html = await mark('<p>User Acceptance Testing is next; UAT needs five people.</p>');
		expect(marked(html)).toEqual(['User Acceptance Testing']);
		expect(html).toContain('; UAT needs five people.</p>');
	});

	it('finds whole words only, with simple plurals', async () => {
		expect(marked(await mark('<p>Two sprinters and a sprintly UATX.</p>'))).toEqual([]);
		expect(marked(await mark('<p>Two Sprints, three entries.</p>'))).toEqual(['Sprints', 'entries']);
	});

	it('leaves headings, links, code, buttons and existing abbr and dfn alone, and marks the prose after them', async () => {
		const html = await mark(
			'<h2>UAT plan</h2><p><a href="/x">UAT</a> <code>UAT</code> <abbr title="x">UAT</abbr> <dfn>UAT</dfn></p><pre><code>sprint</code></pre><p>Our UAT and sprint.</p>',
		);
		expect(marked(html)).toEqual(['UAT', 'sprint']);
		expect(html).toContain('<h2>UAT plan</h2>');
		expect(html).toContain('<a href="/x">UAT</a> <code>UAT</code> <abbr title="x">UAT</abbr> <dfn>UAT</dfn>');
		expect(html).toContain('<pre><code>sprint</code></pre>');
	});

	it('finds Chinese terms inside running text, the longest first, and Latin terms next to Chinese', async () => {
		const html = await mark('<p>下周先灰度发布，与现有MES打通后再全面发布。</p>');
		expect(marked(html)).toEqual(['灰度发布', 'MES', '发布']);
	});

	it('marks inside emphasis and list items, and gives each body its own ids', async () => {
		const one = await mark('<ul><li>Plan the <em>sprint</em></li></ul>', '/a/content/acme/faq/one.md');
		const two = await mark('<ul><li>Plan the <em>sprint</em></li></ul>', '/b/content/acme/faq/two.md');
		expect(marked(one)).toEqual(['sprint']);
		expect(one).toContain('<em><span class="glossary-term">');
		const id = (html: string) => /popovertarget="([^"]+)"/.exec(html)![1];
		expect(id(one)).not.toEqual(id(two));
		// The same file gives the same ids wherever the content folder is.
		expect(id(await mark('<p>sprint</p>', '/elsewhere/acme/faq/one.md'))).toEqual(id(one));
	});

	it('changes nothing for a client without a glossary', async () => {
		const tree = fromHtml('<p>UAT</p>', { fragment: true }) as Root;
		await rehypeGlossaryTerms({ glossaryFor: async () => undefined })(tree, { path: 'x.md' });
		expect(toHtml(tree)).toBe('<p>UAT</p>');
	});
});

describe('term matcher and anchors', () => {
	it('matches names with flexible spacing, and words ending in y with -ies', () => {
		const matcher = termMatcher([['scope creep'], ['entry'], ['CI/CD']]);
		expect(matcher.matches('Scope\n creep, entries and CI/CD.').map((match) => match.text)).toEqual(['Scope\n creep', 'entries', 'CI/CD']);
	});

	it('prefers the longest name where a Chinese and a Latin name start at one place, and keeps word boundaries for Latin names', () => {
		const matcher = termMatcher([['MES'], ['MES系统'], ['sprint'], ['sprint review']]);
		expect(matcher.matches('接入MES系统后，MES 上线').map(({ entry, text }) => [entry, text])).toEqual([
			[1, 'MES系统'],
			[0, 'MES'],
		]);
		// "sprint review" is longer; "sprints" is a plural; "sprinter" and "MESH" are other words.
		expect(matcher.matches('Sprint review, two sprints, a sprinter, MESH').map(({ entry, text }) => [entry, text])).toEqual([
			[3, 'Sprint review'],
			[2, 'sprints'],
		]);
	});

	it('gives Latin terms their letters as anchor, Chinese terms a stable hash, and no two terms one anchor', () => {
		const anchors = termAnchors([{ term: 'CI/CD' }, { term: 'CI CD' }, { term: '灰度发布' }]);
		expect(anchors[0]).toBe('ci-cd');
		expect(anchors[1]).toBe('ci-cd-2');
		expect(anchors[2]).toMatch(/^term-[0-9a-f]{8}$/);
		expect(termAnchors([{ term: '灰度发布' }])[0]).toBe(anchors[2]);
	});
});
