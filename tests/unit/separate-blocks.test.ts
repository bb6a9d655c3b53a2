import { describe, expect, it } from 'vitest';
import { separateBlocks } from '@/search-index/build-client-index';

describe('the HTML Pagefind indexes', () => {
	it('keeps apart the words of neighbouring cells, list items and definitions, which it would read as one word', () => {
		expect(separateBlocks('<tr><th>Set-up effort</th><th>Outage risk</th></tr>')).toBe(
			'<tr><th>Set-up effort</th>\n<th>Outage risk</th>\n</tr>',
		);
		expect(separateBlocks('<dd>Aoife Brennan</dd><dd>Brightline</dd>')).toBe('<dd>Aoife Brennan</dd>\n<dd>Brightline</dd>');
		expect(separateBlocks('<H2>Title</H2><p>Text</p>')).toBe('<H2>Title</H2>\n<p>Text</p>');
	});

	it('leaves inline elements joined, as a word split over them is one word', () => {
		const inline = '<p><strong>Contentful</strong><em>’s</em> API</p> <p>next</p>';
		expect(separateBlocks(inline)).toBe(inline);
	});
});
