import { rehypeShiki, type ShikiConfig } from '@astrojs/markdown-remark';

type Highlighting = ReturnType<typeof rehypeShiki>;

/** One highlighting step per process and settings (see `rehypeShikiShared`). */
const shared = new Map<string, Highlighting>();

/**
 * Astro's own Shiki step (`rehypeShiki`), made once per process and settings instead of once per
 * Markdown processor. Astro makes a processor for the content layer's Markdown and another for
 * MDX in every build, and each made its own highlighter, never released: a shard's build, one
 * Astro run per batch of clients in one process, piled up twenty highlighters (and Shiki's warning
 * that "10 instances have been created", twice) and the memory each holds. The step is the same
 * function with the same settings, so what it writes is unchanged; the site's configuration turns
 * Astro's `syntaxHighlight` off and puts this first among its rehype plugins, where Astro put its own.
 * Settings are told apart by their JSON, transformers by name.
 */
export function rehypeShikiShared(
	this: ThisParameterType<typeof rehypeShiki>,
	{ config, excludeLangs = [] }: { config: ShikiConfig; excludeLangs?: string[] },
): Highlighting {
	const key = JSON.stringify([config, excludeLangs], (_key, value: unknown) =>
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		Object.values(value).some((field) => typeof field === 'function')
			? `transformer:${String((value as { name?: unknown }).name)}`
			: value,
	);
	let step = shared.get(key);
	if (!step) shared.set(key, (step = rehypeShiki.call(this, config, excludeLangs)));
	return step;
}
