import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { remarkPlainUnknownCode } from '@/lib/remark-plain-unknown-code';

/** Markdown rendered the way the site renders it: Shiki highlighting, Mermaid fences left alone. */
async function render(markdown: string, withPlugin: boolean): Promise<string> {
	const processor = await createMarkdownProcessor({
		syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] },
		remarkPlugins: withPlugin ? [remarkPlainUnknownCode(['mermaid'])] : [],
	});
	return (await processor.render(markdown)).code;
}

afterEach(() => vi.restoreAllMocks());

describe('code fences in a language Shiki does not know', () => {
	it('render as plain text, exactly as Shiki’s own fallback, without its warning', async () => {
		const markdown = '```env\nAPI_URL=https://example.test\n```\n\n```nosuchlang\nresource "x" "y" {}\n```\n';
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const html = await render(markdown, true);
		expect(warn).not.toHaveBeenCalled();
		expect(html).toContain('data-language="plaintext"');
		expect(html).toContain('API_URL=https://example.test');
		const fallback = await render(markdown, false);
		expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
			expect.stringContaining('[Shiki] The language "env" doesn\'t exist'),
			expect.stringContaining('[Shiki] The language "nosuchlang" doesn\'t exist'),
		]);
		expect(html).toBe(fallback);
	});

	it('leaves known languages and Mermaid fences as they were', async () => {
		// ```tf is Shiki's alias of Terraform: known, so highlighted as before.
		const markdown =
			'```ts\nconst a: number = 1;\n```\n\n```tf\nresource "x" "y" {}\n```\n\n```mermaid\ngraph TD; A-->B\n```\n\n```\nno language\n```\n';
		// Shiki may highlight a language less fully the very first time it loads its grammar.
		await render(markdown, false);
		const html = await render(markdown, true);
		expect(html).toBe(await render(markdown, false));
		expect(html).toContain('data-language="ts"');
		expect(html).toContain('data-language="tf"');
		expect(html).toContain('language-mermaid');
	});
});
