import { createHash } from 'node:crypto';
import { diagramCacheKey, hasCachedSvg, readCachedSvg, writeCachedSvg } from './diagram-cache';
import { closeIdleDiagramBrowser, diagramSession as session } from './diagram-session';
import { launchMermaidBrowser, MERMAID_ROOT_ID, mermaidVersion, type MermaidBrowser } from './mermaid-browser';
import { oneDrawing } from './one-drawing';
import { DIAGRAM_THEMES, mermaidConfig, type DiagramTheme } from './render-config';
import { fitSvgRoot } from './svg-root';
import { uniquifySvgIds } from './unique-ids';

/** One diagram, drawn for each colour scheme, ready to inline into a page. */
export interface RenderedDiagram {
	/** The drawing: for both colour schemes, unless `dark` is given (see one-drawing.ts). */
	svg: string;
	/** The dark scheme's own drawing, when it could not share the light one's markup. */
	dark?: string;
	/** Natural size in CSS pixels. */
	width: number;
	height: number;
}

/** The shared page with Mermaid; launched on first use, so a build whose diagrams are all cached starts no browser. */
function diagramBrowser(): Promise<MermaidBrowser> {
	const current = session();
	current.browser ??= launchMermaidBrowser();
	return current.browser;
}

/** The browser for drawing; the build's timings count its launch as diagram time (the check's is the check's). */
async function drawingBrowser(): Promise<MermaidBrowser> {
	const current = session();
	if (current.browser) return current.browser;
	const started = performance.now();
	try {
		return await diagramBrowser();
	} finally {
		current.milliseconds += performance.now() - started;
	}
}

const NO_DIAGRAM: RenderedDiagram = { svg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>', width: 0, height: 0 };

/** Whether a light rendering of `source` is cached in `cacheDir`, which proves the diagram valid without a browser. */
export async function isCachedDiagram(source: string, cacheDir: string): Promise<boolean> {
	source = normaliseSource(source);
	return (await readCachedSvg(cacheDir, themeKey(source, 'light'))) !== undefined;
}

/**
 * Renders (or reads from the cache) the light and dark SVG of a diagram. `scope` tells apart
 * diagrams that could meet on one page (file and position of a fence, or the chart's name); it
 * seeds the id prefix, which stays the same from build to build.
 * Throws a `MermaidSyntaxError` (test with `isMermaidSyntaxError`) for an invalid diagram.
 */
export async function renderDiagram(source: string, scope: string): Promise<RenderedDiagram> {
	const current = session();
	// A plain benchmark build measures Astro without Glasshouse's extras: no diagram is drawn.
	if (current.plain) return NO_DIAGRAM;
	const cacheDir = current.cacheDir;
	if (cacheDir === undefined) throw new Error('Diagrams are drawn only in a build: the diagrams integration sets their cache folder.');
	source = normaliseSource(source);
	// Both schemes asked for at once: the page draws them back to back (see mermaid-browser.ts).
	const drawn = await Promise.all(DIAGRAM_THEMES.map((theme) => themeSvg(source, theme, cacheDir)));
	const svgs = Object.fromEntries(DIAGRAM_THEMES.map((theme, index) => [theme, drawn[index]!])) as Record<DiagramTheme, string>;
	const started = performance.now();
	const prefix = `d${createHash('sha256').update(`${scope}\n${source}`).digest('hex').slice(0, 8)}`;
	const both = oneDrawing(svgs.light, svgs.dark, MERMAID_ROOT_ID);
	const light = fitSvgRoot(uniquifySvgIds(both ?? svgs.light, both ? prefix : `${prefix}l`));
	const dark = both ? undefined : fitSvgRoot(uniquifySvgIds(svgs.dark, `${prefix}d`)).svg;
	current.milliseconds += performance.now() - started;
	return { svg: light.svg, ...(dark && { dark }), width: light.width, height: light.height };
}

/**
 * One colour scheme's SVG of a (normalised) diagram: from this build's memo, the cache folder, or
 * drawn (and then cached). A failed drawing is not remembered: the next caller (or build) tries again.
 */
function themeSvg(source: string, theme: DiagramTheme, cacheDir: string, ahead = false, key = themeKey(source, theme)): Promise<string> {
	const current = session();
	const config = mermaidConfig(theme);
	let svg = current.svgs.get(key);
	if (!svg && current.remote) {
		svg = current.remote(source, theme);
		current.svgs.set(key, svg);
		svg.catch(() => current.svgs.delete(key));
	}
	if (!svg) {
		const diagramKey = createHash('sha256').update(source).digest('hex');
		svg = (async () => {
			const cached = await readCachedSvg(cacheDir, key);
			if (cached !== undefined) {
				current.fromCache.add(diagramKey);
				return cached;
			}
			const drawn = await inBrowser((browser) => browser.render(source, config));
			current.rendered.add(diagramKey);
			if (ahead) current.drawnAhead.add(diagramKey);
			// A cache that cannot be written (read-only node_modules) costs the next build time, not this one its result.
			await writeCachedSvg(cacheDir, key, drawn).catch(() => undefined);
			return drawn;
		})();
		current.svgs.set(key, svg);
		svg.catch(() => current.svgs.delete(key));
	}
	return svg;
}

/**
 * One colour scheme's SVG of a diagram, for a page rendered on another thread (see
 * `DiagramSession.remote`): the drawing made ahead or under way, the cached one, or one drawn now,
 * counted in this thread's session like a page's own.
 */
export function diagramForOtherThread(request: { source: string; theme: DiagramTheme }): Promise<string> {
	const current = session();
	if (current.cacheDir === undefined) throw new Error('Diagrams are drawn only in a build: the build sets their cache folder.');
	const source = normaliseSource(request.source);
	return themeSvg(source, request.theme, current.cacheDir);
}

/** The cache key of one colour scheme's drawing of a (normalised) diagram. */
function themeKey(source: string, theme: DiagramTheme): string {
	return diagramCacheKey({ source, theme, mermaidVersion: mermaidVersion(), config: mermaidConfig(theme) });
}

/** Runs `task` on the shared browser, counted as in use so that an idle close never cuts it off. */
async function inBrowser<T>(task: (browser: MermaidBrowser) => Promise<T>): Promise<T> {
	const current = session();
	current.inUse++;
	try {
		return await task(await drawingBrowser());
	} finally {
		current.inUse--;
	}
}

/**
 * Starts drawing both colour schemes of each diagram the cache does not hold, and returns at once. The build
 * hands it the diagrams the check found (fences and generated charts) while the check goes on, so
 * Chromium draws on the second core while Node checks and Astro starts, and `renderDiagram` finds
 * each drawing under way or done. The browser is closed once the last of them is done (unless
 * something else is drawing), so Astro renders its pages without Chromium beside it. A drawing
 * that fails is dropped here: Astro draws it again and reports it as it always did.
 */
export function drawAhead(sources: Iterable<string>): void {
	const current = session();
	const cacheDir = current.cacheDir;
	if (current.plain || cacheDir === undefined) return;
	for (const raw of sources) {
		const source = normaliseSource(raw);
		for (const theme of DIAGRAM_THEMES) {
			// Already drawn by an earlier build: the page reads it when it asks (a file read, no browser).
			const key = themeKey(source, theme);
			if (current.svgs.has(key) || hasCachedSvg(cacheDir, key)) continue;
			current.ahead++;
			const done = themeSvg(source, theme, cacheDir, true, key)
				.catch(() => undefined)
				.then(async () => {
					if (--current.ahead === 0) await closeIdleDiagramBrowser();
				});
			current.aheadDone = Promise.all([current.aheadDone, done]).then(() => undefined);
		}
	}
}

/**
 * Resolves when every drawing `drawAhead` started is done and the browser it used is closed (unless
 * something else draws on it). A build rendering in batches waits for it, so no Astro run ever
 * shares the machine's memory with Chromium; a build in one run does not, and overlaps them.
 */
export function diagramsDrawnAhead(): Promise<void> {
	return session().aheadDone;
}

/** Mermaid's message for an invalid diagram, `undefined` for a valid one (parses only, draws nothing). */
export async function parseDiagram(source: string): Promise<string | undefined> {
	return inBrowser((browser) => browser.parse(normaliseSource(source), mermaidConfig('light')));
}

/** Markdown hands a fence over with a trailing newline, the checker without; both must hit one cache entry. */
export function normaliseSource(source: string): string {
	return `${source.replace(/\r\n?/g, '\n').trimEnd()}\n`;
}
