import { describe, expect, it } from 'vitest';
import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { rehypeScrollRegions, type NameScrollRegion } from '@/lib/rehype-scroll-regions';

const english: NameScrollRegion = (kind, number, about) => `${kind} ${number}${about ? `: ${about}` : ''}`;

async function wrap(html: string, file = 'content/acme/decisions/0001-x.mdx'): Promise<string> {
	const tree = fromHtml(html, { fragment: true }) as Root;
	await rehypeScrollRegions({ names: async () => english, drawnLanguages: ['mermaid'] })(tree, { path: file });
	return toHtml(tree);
}

describe('scroll regions around wide content', () => {
	it('puts each table, code block and image in a focusable, labelled region named by its heading, caption or alt text', async () => {
		const html = await wrap(
			'<h2>Pros and cons</h2><table><tr><td>a</td></tr></table><table><caption>Costs</caption><tr><td>b</td></tr></table>' +
				'<pre><code>x</code></pre><p>See <img src="a.svg" alt="Image sizes"> here</p>',
		);
		expect(html).toContain('<div class="scroll-region" role="region" tabindex="0" aria-label="table 1: Pros and cons"><table>');
		expect(html).toContain('aria-label="table 2: Costs"><table><caption>Costs</caption>');
		expect(html).toContain('aria-label="code 1: Pros and cons"><pre>');
		// Inside a paragraph only phrasing content may go: the image's region is a span.
		expect(html).toContain('<p>See <span class="scroll-region" role="region" tabindex="0" aria-label="image 1: Image sizes"><img');
	});

	it('leaves fences a later plugin draws, and regions already made, alone', async () => {
		const html = await wrap('<pre><code class="language-mermaid">flowchart LR</code></pre><div class="diagram-scroll"><svg></svg></div>');
		expect(html).not.toContain('scroll-region');
	});

	it("asks for the names of the file being rendered, so they follow its client's language", async () => {
		const asked: Array<string | undefined> = [];
		const tree = fromHtml('<table><tr><td>一</td></tr></table>', { fragment: true }) as Root;
		const names = async (file: string | undefined) => (asked.push(file), ((_kind, number) => `表格 ${number}`) as NameScrollRegion);
		await rehypeScrollRegions({ names })(tree, { path: 'content/lanshan-tea/decisions/0003-x.mdx' });
		expect(asked).toEqual(['content/lanshan-tea/decisions/0003-x.mdx']);
		expect(toHtml(tree)).toContain('aria-label="表格 1"');
	});
});
