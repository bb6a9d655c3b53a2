import { describe, expect, it } from 'vitest';
import { rehypeShiki } from '@astrojs/markdown-remark';
import type { Root } from 'hast';
import { DRAWN_LANGUAGES, SHIKI } from '@/astro-config';
import { rehypeShikiShared } from '@/lib/rehype-shiki-shared';

/** A body with a TypeScript fence and a Mermaid fence, as remark-rehype leaves them. */
const body = (): Root => ({
	type: 'root',
	children: ['ts', 'mermaid'].map((language) => ({
		type: 'element',
		tagName: 'pre',
		properties: {},
		children: [
			{
				type: 'element',
				tagName: 'code',
				properties: { className: [`language-${language}`] },
				children: [{ type: 'text', value: language === 'ts' ? 'const answer: number = 42;\n' : 'graph TD; A-->B\n' }],
			},
		],
	})),
});

type Step = (tree: Root) => Promise<void>;
const processor = {} as ThisParameterType<typeof rehypeShiki>;

describe("Astro's Shiki step, made once per process", () => {
	it('is the same step for every processor of a process with the same settings', () => {
		const first = rehypeShikiShared.call(processor, { config: SHIKI, excludeLangs: [...DRAWN_LANGUAGES] });
		const second = rehypeShikiShared.call(processor, { config: { ...SHIKI }, excludeLangs: [...DRAWN_LANGUAGES] });
		expect(second).toBe(first);
		expect(rehypeShikiShared.call(processor, { config: { ...SHIKI, wrap: true }, excludeLangs: [...DRAWN_LANGUAGES] })).not.toBe(first);
	});

	it("writes what Astro's own step writes with the site's settings: highlighted code, Mermaid fences left to the diagrams", async () => {
		const shared = body();
		await (rehypeShikiShared.call(processor, { config: SHIKI, excludeLangs: [...DRAWN_LANGUAGES] }) as Step)(shared);
		const astros = body();
		await (rehypeShiki.call(processor, SHIKI, [...DRAWN_LANGUAGES]) as Step)(astros);
		expect(shared).toEqual(astros);
		const [code, mermaid] = shared.children as Array<{ tagName: string; properties: Record<string, unknown> }>;
		// Astro's defaults are filled in: its class, the language, and a block that scrolls (wrap: false).
		expect(code!.properties).toMatchObject({ class: 'astro-code github-dark', dataLanguage: 'ts' });
		expect(String(code!.properties.style)).toContain('overflow-x: auto');
		expect(mermaid).toEqual(body().children[1]);
	});
});
