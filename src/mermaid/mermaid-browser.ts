import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { CHROMIUM_ARGS, requireBrowser } from '@/bootstrap/find-browser.mjs';
import { diagramSession } from './diagram-session';
import { LAYOUT_WIDTH } from './render-config';

/** Mermaid in one headless Chromium page; one call at a time, queued in the page, parses before drawings. */
export interface MermaidBrowser {
	/** The SVG of a diagram, or a `MermaidSyntaxError` with Mermaid's own message. */
	render(source: string, config: Record<string, unknown>): Promise<string>;
	/** Mermaid's parse message for an invalid diagram, `undefined` for a valid one. */
	parse(source: string, config: Record<string, unknown>): Promise<string | undefined>;
	close(): Promise<void>;
}

/** Mermaid rejected the diagram; `message` is Mermaid's own. */
class MermaidSyntaxError extends Error {
	override name = 'MermaidSyntaxError';
}

/**
 * By name, not `instanceof`: the browser is shared through `globalThis` by several bundled copies
 * of this module, and the copy that launched it is the one whose class it throws.
 */
export function isMermaidSyntaxError(error: unknown): error is MermaidSyntaxError {
	return error instanceof Error && error.name === 'MermaidSyntaxError';
}

const require = createRequire(import.meta.url);

/** Mermaid's self-contained browser bundle, read from node_modules: no CDN, no network. */
function mermaidBundlePath(): string {
	return require.resolve('mermaid/dist/mermaid.min.js');
}

export function mermaidVersion(): string {
	return (require('mermaid/package.json') as { version: string }).version;
}

/** The id Mermaid gives every drawing's root: fixed, so equal sources give equal SVGs. */
export const MERMAID_ROOT_ID = 'gh-diagram';

// Runs inside the page. A string, not a function, so no build tool can wrap it in helpers the
// page does not have. The fixed id makes equal sources give equal SVGs (ids are made unique later).
//
// Gantt labels: Mermaid writes a label that does not fit in its bar to the bar's right, or, when
// that would run past the chart's right edge, to its left, where for a bar early in the chart it
// runs over the section names (longer since bars carry their status in words). Such a label is
// moved to the right of its bar, and the drawing widened to hold it: on a narrow screen the chart
// scrolls sideways in its card anyway. Measured here, where the text has its real width. Any
// change to this drawing step must bump CACHE_FORMAT in diagram-cache.ts.
//
// Mermaid's stylesheet serves every kind of diagram and every look (7 to 14 kB per drawing, and
// each page carries its drawings); two thirds of its rules match nothing in a given drawing.
// `usedCss` keeps a top-level rule when its selector list, stripped of pseudo-classes and
// pseudo-elements (so `:hover` and `:not(…)` only widen it; `:root` stays, as it never matches
// inside a drawing), matches an element of the drawing put into the stage, keeps `@keyframes`
// that a kept rule names and every other at-rule, every selector the browser cannot parse and the
// whole stylesheet when it cannot be split cleanly: when in doubt, a rule stays. Rules are kept
// as Mermaid wrote them, character for character.
const PAGE_API = `function keepGanttLabelsOffSections(stage) {
	const root = stage.querySelector('svg');
	const left = [...root.querySelectorAll('text.taskTextOutsideLeft')];
	if (!left.length) return undefined;
	const bars = [...root.querySelectorAll('rect.task')];
	// Bars start at the chart's left padding or later; everything left of it is the section column.
	const column = Math.min(...bars.map((bar) => bar.x.baseVal.value));
	let moved = false;
	for (const text of left) {
		if (text.getBBox().x >= column - 1) continue;
		const bar = root.getElementById(text.id.replace(/-text$/, ''));
		if (!bar) continue;
		const box = bar.getBBox();
		text.setAttribute('x', String(box.x + box.width + 5));
		text.classList.replace('taskTextOutsideLeft', 'taskTextOutsideRight');
		moved = true;
	}
	if (!moved) return undefined;
	const view = root.viewBox.baseVal;
	const right = Math.max(...[...root.querySelectorAll('text')].map((text) => { const box = text.getBBox(); return box.x + box.width; }));
	if (right + 8 > view.x + view.width) {
		const width = Math.ceil(right + 8 - view.x);
		root.setAttribute('viewBox', [view.x, view.y, width, view.height].join(' '));
		root.style.maxWidth = width + 'px';
		// The section bands reach the new edge too.
		for (const band of root.querySelectorAll('rect.section')) band.setAttribute('width', String(width));
	}
	return root.outerHTML;
}
window.__glasshouse = {
	// One call at a time in the page (Mermaid renders into one stage with one global configuration),
	// queued here rather than in Node: a drawing starts as soon as the one before is done, however
	// busy Node's thread is. A parse (the check waits for it) goes before drawings queued ahead.
	lanes: { parse: [], render: [] },
	busy: false,
	enqueue(lane, job) {
		return new Promise((resolve) => {
			this.lanes[lane].push(() => job().then(resolve, (error) => resolve({ error: String((error && error.message) || error) })));
			this.drain();
		});
	},
	async drain() {
		if (this.busy) return;
		this.busy = true;
		for (let next = this.lanes.parse.shift() ?? this.lanes.render.shift(); next; next = this.lanes.parse.shift() ?? this.lanes.render.shift()) {
			await next();
			// A task's turn between jobs: a call Node sent meanwhile (a parse) is queued before the next
			// job is picked, which a drawing finished in microtasks alone would never let in.
			await new Promise((resolve) => setTimeout(resolve, 0));
		}
		this.busy = false;
	},
	render(source, config) {
		return this.enqueue('render', () => this.draw(source, config));
	},
	parse(source, config) {
		return this.enqueue('parse', () => this.check(source, config));
	},
	usedCss(css, stage) {
		const blocks = [];
		let depth = 0, start = 0;
		for (let i = 0; i < css.length; i++) {
			const c = css[i];
			if (c === '"' || c === "'") {
				const close = css.indexOf(c, i + 1);
				if (close < 0) return css;
				i = close;
			} else if (c === '{') depth++;
			else if (c === '}') {
				if (--depth < 0) return css;
				if (depth === 0) { blocks.push(css.slice(start, i + 1)); start = i + 1; }
			}
		}
		if (depth !== 0 || css.slice(start).trim() !== '') return css;
		// A selector list as a whole: querySelector takes lists, so commas inside strings or :not() are no matter.
		const matches = (selector) => {
			const bare = selector.replace(/::?(?!root\\b)[A-Za-z-]+(\\([^)]*\\))?/g, '').trim();
			if (bare === '' || bare.startsWith(':root')) return true;
			try { return stage.querySelector(bare) !== null; } catch { return true; }
		};
		const prelude = (block) => block.slice(0, block.indexOf('{')).trim();
		const rules = blocks.filter((block) => !prelude(block).startsWith('@') && matches(prelude(block)));
		// An animation no kept rule names is dropped; any other at-rule stays.
		const used = (block) => {
			const keyframes = /^@(?:-webkit-)?keyframes\\s+([\\w-]+)$/.exec(prelude(block));
			if (keyframes) return rules.some((rule) => rule.slice(rule.indexOf('{')).split(/[^\\w-]/).includes(keyframes[1]));
			return prelude(block).startsWith('@') || rules.includes(block);
		};
		return blocks.filter(used).join('');
	},
	async draw(source, config) {
		mermaid.initialize(config);
		const stage = document.getElementById('stage');
		const started = performance.now();
		try {
			let { svg, diagramType } = await mermaid.render('${MERMAID_ROOT_ID}', source, stage);
			if (diagramType === 'gantt') {
				stage.innerHTML = svg;
				svg = keepGanttLabelsOffSections(stage) ?? svg;
			}
			// After the labels moved: their new classes must keep their rules.
			const styles = [...svg.matchAll(/<style>([^<]*)<\\/style>/g)];
			if (styles.length === 1) {
				// Laid out only to be matched against; the SVG string itself is kept as Mermaid wrote it.
				stage.innerHTML = svg;
				const { index } = styles[0];
				const css = styles[0][1];
				svg = svg.slice(0, index) + '<style>' + this.usedCss(css, stage) + svg.slice(index + 7 + css.length);
			}
			return { svg, ms: performance.now() - started };
		} catch (error) {
			return { error: String((error && error.message) || error) };
		} finally {
			stage.replaceChildren();
		}
	},
	async check(source, config) {
		mermaid.initialize(config);
		try {
			await mermaid.parse(source);
			return null;
		} catch (error) {
			return String((error && error.message) || error);
		}
	},
};`;

/** Launches the browser (found through find-browser) and loads Mermaid into a blank page. */
export async function launchMermaidBrowser(): Promise<MermaidBrowser> {
	const found = requireBrowser();
	// Required when a browser is first needed, so commands that draw nothing (`check` of an unchanged
	// site) do not load Playwright. `require`, not import(): Astro loads this file for its config
	// through a module runner that is closed by the time Markdown is rendered, so a later import()
	// would fail, while Node's own require keeps working.
	const { chromium } = require('playwright') as typeof import('playwright');
	const browser = await chromium.launch({ executablePath: found.source === 'playwright' ? undefined : found.path, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage();
		// Diagrams hold client content: nothing may leave the machine, not even a font request.
		await page.route('**/*', (route) => route.abort());
		await page.setContent(
			`<!doctype html><html><body style="margin:0"><div id="stage" style="width:${LAYOUT_WIDTH}px"></div></body></html>`,
		);
		await page.addScriptTag({ content: await readFile(mermaidBundlePath(), 'utf8') });
		await page.addScriptTag({ content: PAGE_API });

		type PageApi = {
			__glasshouse: {
				render(s: string, c: unknown): Promise<{ svg?: string; error?: string; ms?: number }>;
				parse(s: string, c: unknown): Promise<string | null | { error: string }>;
			};
		};
		// Every call goes to the page at once: the page queues them (see PAGE_API), so Chromium is never
		// idle waiting for Node to send the next one while Node compiles or checks.
		return {
			render: async (source, config) => {
				const result = await page.evaluate(([s, c]) => (window as unknown as PageApi).__glasshouse.render(s, c), [source, config] as const);
				// Measured inside the page: the time Chromium spent drawing, whatever Node did meanwhile.
				if (result.ms !== undefined) diagramSession().milliseconds += result.ms;
				if (result.error !== undefined || result.svg === undefined) throw new MermaidSyntaxError(result.error ?? 'Mermaid returned no SVG');
				return result.svg;
			},
			parse: async (source, config) => {
				const message = await page.evaluate(([s, c]) => (window as unknown as PageApi).__glasshouse.parse(s, c), [source, config] as const);
				if (message !== null && typeof message === 'object') throw new Error(`Mermaid could not parse a diagram: ${message.error}`);
				return message ?? undefined;
			},
			close: () => browser.close(),
		};
	} catch (error) {
		await browser.close();
		throw error;
	}
}
