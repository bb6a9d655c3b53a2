import type { AstroIntegration } from 'astro';
import type { BuildContext } from '@/build-context/build-context';
import type { BuildTimings } from '@/post-build/build-timings';
import type { BuildReport } from '@/integrations/glasshouse';
import { rehypeMermaid } from '@/mermaid/rehype-mermaid';
import {
	closeDiagramBrowser,
	closeIdleDiagramBrowser,
	configureDiagrams,
	diagramSession,
	reportDiagrams,
	resetDiagramStats,
} from '@/mermaid/diagram-session';

interface DiagramsOptions {
	/** Where drawn diagrams are cached, and whether this is a plain benchmark build (which draws none). */
	context: Pick<BuildContext, 'diagramCache' | 'plainBenchmark'>;
	/** The build's timings, which get the time spent on diagrams as `diagrams`. */
	timings?: BuildTimings;
	/** Where the diagram counts are reported (see `GlasshouseOptions.report`). */
	report?: BuildReport;
	/** The caller resets and reports the diagram session itself (see `GlasshouseOptions.diagramsOwnedByCaller`). */
	ownedByCaller?: boolean;
}

/**
 * Build-time Mermaid: ```mermaid fences in Markdown and MDX become inline SVG, drawn in one
 * headless Chromium page for the whole build and cached on disk by content. The generated charts
 * (milestones, decisions) use the same renderer from their components. The browser is closed
 * here when the build ends; the CLI closes it too, so a failed build does not leave it running.
 */
export default function diagrams({ context, timings, report, ownedByCaller = false }: DiagramsOptions): AstroIntegration {
	return {
		name: 'glasshouse-diagrams',
		hooks: {
			'astro:config:setup': ({ updateConfig }) => {
				configureDiagrams({ cacheDir: context.diagramCache, plain: context.plainBenchmark });
				updateConfig({ markdown: { rehypePlugins: [rehypeMermaid] } });
			},
			// Not build:start: Markdown entries of content collections are rendered before it.
			'astro:config:done': () => {
				if (!ownedByCaller) resetDiagramStats();
			},
			'astro:build:done': async ({ logger }) => {
				// Drawings started ahead for clients of a later batch keep the browser open until they are done.
				await (ownedByCaller ? closeIdleDiagramBrowser() : closeDiagramBrowser());
				const { errors } = diagramSession();
				if (errors.length) throw new Error(`${errors.length} invalid diagram(s):\n${errors.join('\n')}`);
				if (!ownedByCaller) reportDiagrams(report ?? logger, timings);
			},
			'astro:server:done': async () => {
				await closeDiagramBrowser();
			},
		},
	};
}
