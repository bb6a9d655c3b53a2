import type { AstroUserConfig } from 'astro';
import mdx from '@astrojs/mdx';
import tailwind from '@astrojs/tailwind';
import { readBuildContext } from '@/build-context/build-context';
import diagrams from '@/integrations/mermaid';
import { remarkDropComments } from '@/lib/remark-drop-comments';
import { remarkPlainUnknownCode } from '@/lib/remark-plain-unknown-code';
import { rehypeScrollRegions } from '@/lib/rehype-scroll-regions';
import { shikiUntimed } from '@/lib/shiki-untimed';
import { rehypeShikiShared } from '@/lib/rehype-shiki-shared';
import { markdownConfigDefaults, type ShikiConfig } from '@astrojs/markdown-remark';
import { href } from '@/lib/href';
import { rehypeGlossaryTerms, type FileGlossary } from '@/kinds/glossary/rehype-glossary-terms';
import { contentFileGlossary } from '@/kinds/glossary/content-file-glossary';
import { termAnchors } from '@/kinds/glossary/term-anchors';
import { contentFileLocale } from '@/i18n/content-file-locale';
import { useTranslations } from '@/i18n/translate';
import glasshouse, { type GlasshouseOptions } from '@/integrations/glasshouse';
import { stylesheetCache } from '@/integrations/stylesheet-cache';
import { mdxCompileCache } from '@/integrations/mdx-compile-cache';
import { serverBuildWithoutTreeShaking } from '@/integrations/server-build-tree-shaking';
import { laneContentModules } from '@/integrations/lane-content-modules';

/** Pages Astro renders side by side (its default is one at a time); see `build.concurrency` below. */
const PAGES_AT_ONCE = 4;

/** Fences drawn by a plugin rather than highlighted as code. */
export const DRAWN_LANGUAGES = ['mermaid'];

/** Astro's Shiki settings with its defaults filled in, as Astro would pass them to its Shiki step. */
export const SHIKI: ShikiConfig = {
	...markdownConfigDefaults.shikiConfig,
	// Highlighting that depends on the content alone, not on how loaded the machine is.
	transformers: [shikiUntimed],
};

/**
 * The site's Astro configuration for `glasshouse build`, which passes its build context and the
 * content it checked (so privacy is decided from that), and for astro.config.mjs.
 */
export function astroConfig(options: GlasshouseOptions): AstroUserConfig {
	const { context, timings, report } = options;
	return {
		// Site URL and base path come from the build context so one repository deploys to
		// GitHub Pages project sites (`/<repo>/`), custom domains and localhost alike.
		site: context.site,
		base: context.base,
		trailingSlash: 'always',
		// Scripts and styles stay external files so a strict Content-Security-Policy (script-src 'self')
		// holds for the unlock code and for decrypted pages alike.
		// Several pages of a route rendered at once: a page waits for files (its body's module, what's
		// new, the page it writes) and for drawings, and meanwhile another one renders. Every value pages
		// share is a memoised promise, so the order pages finish in changes nothing in them.
		build: { format: 'directory', inlineStylesheets: 'never', concurrency: PAGES_AT_ONCE },
		// Tailwind's output and the compiled bodies are kept between builds of the same code when the
		// caller names a folder emptied on code changes.
		vite: {
			build: { assetsInlineLimit: 0 },
			plugins: [
				// The plain benchmark stands for Astro's own build of the same pages: it keeps Astro's default.
				...(context.plainBenchmark ? [] : [serverBuildWithoutTreeShaking()]),
				...(options.codeCacheDir
					? [
							stylesheetCache(context.root, options.codeCacheDir),
							mdxCompileCache(
								options.codeCacheDir,
								{ forFile: bodyInputs, shared: JSON.stringify([context.base, context.site, context.plainBenchmark]) },
								(line) => options.report?.info(line),
							),
						]
					: []),
			],
		},
		// Client content is fetched from content/ by the content layer; nothing of it belongs in public/.
		// Mermaid fences are drawn at build time by the diagrams integration, not highlighted as code.
		// Fences in a language Shiki has no grammar for render as plain text, without a build warning.
		// HTML comments in Markdown stay out of the pages, as MDX's own comments do.
		// Tables, code blocks and images scroll in labelled regions of their own rather than widen a phone's page.
		// The first use of each term of the client's glossary opens its plain definition.
		// Code is highlighted by Astro's own Shiki step made once per process (Astro's setting is off so
		// it does not make one per processor and run), first among the rehype plugins, where Astro puts it.
		markdown: {
			syntaxHighlight: false,
			remarkPlugins: [remarkPlainUnknownCode(DRAWN_LANGUAGES), remarkDropComments],
			rehypePlugins: [
				[rehypeShikiShared, { config: SHIKI, excludeLangs: [...DRAWN_LANGUAGES] }],
				[rehypeScrollRegions, { names: scrollRegionNames, drawnLanguages: DRAWN_LANGUAGES }],
				[rehypeGlossaryTerms, { glossaryFor: (filePath: string | undefined) => fileGlossary(context.base, filePath) }],
			],
		},
		// diagrams before glasshouse: its build:done (close the browser, log counts) runs before encryption.
		integrations: [
			mdx(),
			tailwind({ configFile: './src/styles/tailwind.config.mjs', applyBaseStyles: false }),
			diagrams({ context, timings, report, ownedByCaller: options.diagramsOwnedByCaller === true }),
			glasshouse(options),
			...(options.onSynced ? [laneContentModules(options.onSynced)] : []),
		],
		devToolbar: { enabled: false },
	};
}

/** For `astro dev`, `astro build` and `astro check` run directly: the build context is read once, here. */
export function astroConfigFromEnvironment(): AstroUserConfig {
	return astroConfig({ context: readBuildContext() });
}

/** A scroll region's name in the language of the client the content file belongs to: "Table 2: Pros and cons". */
async function scrollRegionNames(filePath: string | undefined) {
	const t = useTranslations(await contentFileLocale(filePath));
	return (kind: 'table' | 'code' | 'image', number: number, about: string | undefined) => {
		const name = t(`scrollRegion.${kind}`, { number });
		return about ? t('scrollRegion.about', { name, about }) : name;
	};
}

/** What a body compiles to besides its text and path: its client's language and glossary terms (see `mdxCompileCache`). */
async function bodyInputs(filePath: string): Promise<string> {
	const [locale, glossary] = await Promise.all([contentFileLocale(filePath), contentFileGlossary(filePath)]);
	return JSON.stringify([locale, glossary ?? null]);
}

/** The glossary of the client a content file belongs to, with links to its Glossary page in the client's language. */
async function fileGlossary(base: string, filePath: string | undefined): Promise<FileGlossary | undefined> {
	const found = await contentFileGlossary(filePath);
	if (!found) return undefined;
	const t = useTranslations(await contentFileLocale(filePath));
	const anchors = termAnchors(found.terms);
	const page = href(base, found.client, 'glossary');
	return {
		terms: found.terms,
		entryHref: (term) => `${page}#${anchors[found.terms.indexOf(term)]}`,
		allTermsLabel: t('glossary.allTerms'),
	};
}
