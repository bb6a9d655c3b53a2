import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { defaultCacheDir } from '@/mermaid/diagram-cache';
import { rehypeMermaid } from '@/mermaid/rehype-mermaid';
import { closeDiagramBrowser, configureDiagrams, diagramSession, diagramStats, resetDiagramStats } from '@/mermaid/diagram-session';

/**
 * Build-time Mermaid: ```mermaid fences in Markdown and MDX become inline SVG, drawn in one
 * headless Chromium page for the whole build and cached on disk by content. The generated charts
 * (milestones, decisions) use the same renderer from their components. The browser is closed
 * here when the build ends; the CLI closes it too, so a failed build does not leave it running.
 */
export default function diagrams(): AstroIntegration {
	return {
		name: 'glasshouse-diagrams',
		hooks: {
			'astro:config:setup': ({ config, updateConfig }) => {
				configureDiagrams({ cacheDir: defaultCacheDir(fileURLToPath(config.root)) });
				updateConfig({ markdown: { rehypePlugins: [rehypeMermaid] } });
			},
			// Not build:start: Markdown entries of content collections are rendered before it.
			'astro:config:done': () => {
				resetDiagramStats();
			},
			'astro:build:done': async ({ logger }) => {
				await closeDiagramBrowser();
				const { errors } = diagramSession();
				if (errors.length) throw new Error(`${errors.length} invalid diagram(s):\n${errors.join('\n')}`);
				const { rendered, fromCache } = diagramStats();
				logger.info(`diagrams: ${rendered} rendered, ${fromCache} from cache`);
			},
			'astro:server:done': async () => {
				await closeDiagramBrowser();
			},
		},
	};
}
