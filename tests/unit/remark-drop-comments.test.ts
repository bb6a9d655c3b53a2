import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { remarkDropComments } from '@/lib/remark-drop-comments';

const html = (value: string) => ({ type: 'html' as const, value });
const text = (value: string) => ({ type: 'text' as const, value });

describe('remarkDropComments', () => {
	it("drops the author's HTML comments from Markdown, block and inline, and keeps other HTML and text", () => {
		const tree: Root = {
			type: 'root',
			children: [
				html('<!-- What we need from the client: ask Tom first -->'),
				{ type: 'paragraph', children: [text('Shipped '), html('<!-- not yet announced -->'), text('the API.')] },
				html('<details><!-- internal --><summary>More</summary></details>'),
				{ type: 'code', value: '<!-- a comment in a code block is code -->' },
			],
		};
		remarkDropComments()(tree);
		expect(tree.children).toEqual([
			{ type: 'paragraph', children: [text('Shipped '), text('the API.')] },
			html('<details><summary>More</summary></details>'),
			{ type: 'code', value: '<!-- a comment in a code block is code -->' },
		]);
	});
});
