import type { MermaidBrowser } from './mermaid-browser';

/**
 * State shared by every copy of the diagram modules in one process. Astro bundles page code (which
 * renders the generated charts) apart from the integration (which renders Markdown fences and
 * closes the browser), so module variables would give each its own browser; `globalThis` gives the
 * process one. It is the one process-wide global left: a running browser cannot be handed to
 * Astro's bundled pages as a parameter or through a virtual module, which holds only data. Its
 * settings come from the build context, set by the diagrams integration (`configureDiagrams`).
 * This module loads no browser code, so the CLI can close the browser cheaply.
 */
interface DiagramSession {
	/** Where drawn SVGs are cached (the build context's `diagramCache`); unset until configured. */
	cacheDir?: string;
	/** A plain benchmark build draws no diagram (the build context's `plainBenchmark`). */
	plain: boolean;
	browser?: Promise<MermaidBrowser>;
	/** Calls on the browser under way (drawing or parsing): an idle close waits for none of them. */
	inUse: number;
	/** Drawings started by `drawAhead` and not yet done: the browser stays open for them. */
	ahead: number;
	/** Settles when every drawing `drawAhead` started so far is done (see `diagramsDrawnAhead`). */
	aheadDone: Promise<void>;
	/** Cache key → SVG, so a chart shown on two pages is read or drawn once per build. */
	svgs: Map<string, Promise<string>>;
	/** Hashes of the diagrams drawn by Mermaid, and of those read from the cache. */
	rendered: Set<string>;
	fromCache: Set<string>;
	/** Of `rendered`, those drawn for `drawAhead` (the rest were first asked for by a page). */
	drawnAhead: Set<string>;
	/**
	 * Invalid diagrams met while rendering. Astro logs a failed Markdown entry of a content
	 * collection and carries on, so the integration fails the build from this list at its end.
	 */
	errors: string[];
	/** Time spent on diagrams (launching the browser, drawing, fitting), for the build's timings. */
	milliseconds: number;
	/**
	 * Where a worker thread rendering pages beside others gets each scheme's SVG of a (normalised)
	 * diagram: from the thread that started it, which holds the build's one browser, its drawings
	 * made ahead and its counts (see `render-lane.ts`). Unset: drawn or read here.
	 */
	remote?: (source: string, theme: 'light' | 'dark') => Promise<string>;
}

interface DiagramStats {
	/** Distinct diagrams drawn by Mermaid in this build. */
	rendered: number;
	/** Distinct diagrams taken from the on-disk cache. */
	fromCache: number;
	/** Of `rendered`, those drawn ahead of Astro (see `drawAhead`). */
	drawnAhead: number;
}

const SESSION = Symbol.for('glasshouse.diagrams');

export function diagramSession(): DiagramSession {
	const holder = globalThis as { [SESSION]?: DiagramSession };
	holder[SESSION] ??= {
		plain: false,
		inUse: 0,
		ahead: 0,
		aheadDone: Promise.resolve(),
		svgs: new Map(),
		rendered: new Set(),
		fromCache: new Set(),
		drawnAhead: new Set(),
		errors: [],
		milliseconds: 0,
	};
	return holder[SESSION];
}

/** Sets where SVGs are cached and whether diagrams are drawn at all (the integration passes the build context's). */
export function configureDiagrams(options: { cacheDir: string; plain?: boolean }): void {
	const session = diagramSession();
	session.cacheDir = options.cacheDir;
	session.plain = options.plain ?? false;
}

/** Starts a new count for the build log and timings, and a new list of errors. */
export function resetDiagramStats(): void {
	const session = diagramSession();
	session.errors.length = 0;
	session.milliseconds = 0;
	session.rendered.clear();
	session.fromCache.clear();
	session.drawnAhead.clear();
	session.svgs.clear();
}

/** Logs the count of diagrams drawn and read from the cache, and adds their time to the build's timings. */
export function reportDiagrams(log: { info(line: string): void }, timings?: { record(phase: string, milliseconds: number): void }): void {
	const { milliseconds } = diagramSession();
	const { rendered, fromCache, drawnAhead } = diagramStats();
	if (milliseconds > 0) timings?.record('diagrams', milliseconds);
	log.info(`diagrams: ${rendered} rendered, ${fromCache} from cache${drawnAhead ? ` (${drawnAhead} drawn ahead of Astro)` : ''}`);
}

export function diagramStats(): DiagramStats {
	const { rendered, fromCache, drawnAhead } = diagramSession();
	return { rendered: rendered.size, fromCache: [...fromCache].filter((key) => !rendered.has(key)).length, drawnAhead: drawnAhead.size };
}

/**
 * Closes the browser unless something is drawing on it or drawings started ahead are still to come
 * (the last of those closes it). A later drawing launches it again.
 */
export async function closeIdleDiagramBrowser(): Promise<void> {
	const session = diagramSession();
	if (session.inUse === 0 && session.ahead === 0) await closeDiagramBrowser();
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
