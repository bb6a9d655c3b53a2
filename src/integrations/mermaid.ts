import type { AstroIntegration } from 'astro';
import type { BuildContext } from '@/build-context/build-context';
import type { BuildTimings } from '@/post-build/build-timings';
import type { BuildReport } from '@/integrations/glasshouse';
import { rehypeMermaid } from '@/mermaid/rehype-mermaid';
import { closeDiagramBrowser, configureDiagrams, diagramSession, diagramStats, resetDiagramStats } from '@/mermaid/diagram-session';

interface DiagramsOptions {
	/** Where drawn diagrams are cached, and whether this is a plain benchmark build (which draws none). */
	context: Pick<BuildContext, 'diagramCache' | 'plainBenchmark'>;
	/** The build's timings, which get the time spent on diagrams as `diagrams`. */
	timings?: BuildTimings;
	/** Where the diagram counts are reported (see `GlasshouseOptions.report`). */
	report?: BuildReport;
}

/**
 * Build-time Mermaid: ```mermaid fences in Markdown and MDX become inline SVG, drawn in one
 * headless Chromium page for the whole build and cached on disk by content. The generated charts
 * (milestones, decisions) use the same renderer from their components. The browser is closed
 * here when the build ends; the CLI closes it too, so a failed build does not leave it running.
 */
export default function diagrams({ context, timings, report }: DiagramsOptions): AstroIntegration {
	return {
		name: 'glasshouse-diagrams',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				configureDiagrams({ cacheDir: context.diagramCache, plain: context.plainBenchmark });
				updateConfig({ markdown: { rehypePlugins: [rehypeMermaid] } });
			},
			// Not build:start: Markdown entries of content collections are rendered before it.
			'astro:config:done': () => {
				resetDiagramStats();
			},
			'astro:build:done': async ({ logger }) => {
				await closeDiagramBrowser();
				const { errors, milliseconds } = diagramSession();
				if (errors.length) throw new Error(`${errors.length} invalid diagram(s):\n${errors.join('\n')}`);
				const { rendered, fromCache } = diagramStats();
				if (milliseconds > 0) timings?.record('diagrams', milliseconds);
				(report ?? logger).info(`diagrams: ${rendered} rendered, ${fromCache} from cache`);
			},
			'astro:server:done': async () => {
				await closeDiagramBrowser();
			},
		},
	};
}
