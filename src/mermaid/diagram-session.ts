import { defaultCacheDir } from './diagram-cache';
import type { MermaidBrowser } from './mermaid-browser';

/**
 * State shared by every copy of the diagram modules in one process. Astro bundles page code (which
 * renders the generated charts) apart from the integration (which renders Markdown fences and
 * closes the browser), so module variables would give each its own browser; `globalThis` gives the
 * process one. This module loads no browser code, so the CLI can close the browser cheaply.
 */
export interface DiagramSession {
	cacheDir: string;
	browser?: Promise<MermaidBrowser>;
	/** Cache key → SVG, so a chart shown on two pages is read or drawn once per build. */
	svgs: Map<string, Promise<string>>;
	/** Hashes of the diagrams drawn by Mermaid, and of those read from the cache. */
	rendered: Set<string>;
	fromCache: Set<string>;
	/**
	 * Invalid diagrams met while rendering. Astro logs a failed Markdown entry of a content
	 * collection and carries on, so the integration fails the build from this list at its end.
	 */
	errors: string[];
}

export interface DiagramStats {
	/** Distinct diagrams drawn by Mermaid in this build. */
	rendered: number;
	/** Distinct diagrams taken from the on-disk cache. */
	fromCache: number;
}

const SESSION = Symbol.for('glasshouse.diagrams');

export function diagramSession(): DiagramSession {
	const holder = globalThis as { [SESSION]?: DiagramSession };
	holder[SESSION] ??= { cacheDir: defaultCacheDir(), svgs: new Map(), rendered: new Set(), fromCache: new Set(), errors: [] };
	return holder[SESSION];
}

/** Sets where SVGs are cached (the integration passes the project root's cache folder). */
export function configureDiagrams(options: { cacheDir: string }): void {
	diagramSession().cacheDir = options.cacheDir;
}

/** Starts a new count for the build log, and a new list of errors. */
export function resetDiagramStats(): void {
	const session = diagramSession();
	session.errors.length = 0;
	session.rendered.clear();
	session.fromCache.clear();
	session.svgs.clear();
}

export function diagramStats(): DiagramStats {
	const { rendered, fromCache } = diagramSession();
	return { rendered: rendered.size, fromCache: [...fromCache].filter((key) => !rendered.has(key)).length };
}

/** Closes the browser if one was started. Safe to call any number of times. */
export async function closeDiagramBrowser(): Promise<void> {
	const session = diagramSession();
	const pending = session.browser;
	session.browser = undefined;
	if (pending)
		await pending.then(
			(browser) => browser.close(),
			() => undefined,
		);
}
