import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramCacheKey, readCachedSvg, writeCachedSvg } from '@/mermaid/diagram-cache';
import { readBuildContext } from '@/build-context/build-context';
import { describeMermaidError } from '@/mermaid/mermaid-message';
import { fitSvgRoot } from '@/mermaid/svg-root';
import { uniquifySvgIds } from '@/mermaid/unique-ids';

// The shape of Mermaid's output: a scoped <style>, markers referenced by url(#…), a11y title.
const SVG = [
	'<svg id="gh-diagram" width="100%" xmlns="http://www.w3.org/2000/svg" style="max-width: 420px;" viewBox="-8 -8 420.5 180" aria-labelledby="chart-title-gh-diagram" role="graphics-document document">',
	'<title id="chart-title-gh-diagram">Release</title>',
	'<style>#gh-diagram{font-family:sans-serif;fill:#abc;}#gh-diagram .neo{stroke:url(#gh-diagram-gradient);}#gh-diagram .node rect{fill:#add;}#gh-diagram #arrowhead path{fill:#333;}@keyframes dash{to{stroke-dashoffset:0;}}</style>',
	'<defs><marker id="arrowhead"><path d="M0,0"/></marker><linearGradient id="add"/></defs>',
	'<path marker-end="url(#arrowhead)" style="fill:url(&quot;#add&quot;)"/>',
	'<use xlink:href="#arrowhead"/><use href="#add"/><rect id="task1" class="task"/><text id="task1-text">Task #1</text>',
	'</svg>',
].join('');

const ids = (svg: string) => [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!);

describe('uniquifySvgIds', () => {
	const light = uniquifySvgIds(SVG, 'd1l');
	const dark = uniquifySvgIds(SVG, 'd1d');

	it('prefixes every id, so two copies on one page share none', () => {
		expect(ids(light)).toEqual(['d1l-gh-diagram', 'd1l-chart-title-gh-diagram', 'd1l-arrowhead', 'd1l-add', 'd1l-task1', 'd1l-task1-text']);
		expect(ids(light).filter((id) => ids(dark).includes(id))).toEqual([]);
	});

	it('rewrites url(#…), href="#…" and aria references to the new ids', () => {
		expect(light).toContain('marker-end="url(#d1l-arrowhead)"');
		expect(light).toContain('style="fill:url(&quot;#d1l-add&quot;)"');
		expect(light).toContain('xlink:href="#d1l-arrowhead"');
		expect(light).toContain('<use href="#d1l-add"/>');
		expect(light).toContain('aria-labelledby="d1l-chart-title-gh-diagram"');
		const markup = light.replace(/<style>.*<\/style>/, '');
		const references = [...markup.matchAll(/(?:url\((?:&quot;)?#|href="#)([\w-]+)/g)].map((match) => match[1]!);
		expect(references.filter((reference) => !ids(light).includes(reference))).toEqual([]);
	});

	it('rewrites ids in CSS selectors but never a colour that looks like an id', () => {
		expect(light).toContain('#d1l-gh-diagram{font-family:sans-serif;fill:#abc;}');
		expect(light).toContain('#d1l-gh-diagram .node rect{fill:#add;}');
		expect(light).toContain('#d1l-gh-diagram #d1l-arrowhead path{fill:#333;}');
		// Mermaid's CSS names a gradient it did not draw; renamed all the same.
		expect(light).toContain('#d1l-gh-diagram .neo{stroke:url(#d1l-gh-diagram-gradient);}');
		expect(light).toContain('@keyframes dash{to{stroke-dashoffset:0;}}');
	});

	it('leaves text alone', () => {
		expect(light).toContain('>Task #1</text>');
		expect(uniquifySvgIds('<svg><text>#none</text></svg>', 'x')).toBe('<svg><text>#none</text></svg>');
	});
});

describe('fitSvgRoot', () => {
	it("replaces Mermaid's 100% width and inline max-width with the aspect ratio, and reports the natural size", () => {
		const fitted = fitSvgRoot(SVG);
		expect(fitted.width).toBe(421);
		expect(fitted.height).toBe(180);
		const root = /<svg[^>]*>/.exec(fitted.svg)![0];
		expect(root).toMatch(/^<svg style="aspect-ratio: 421 \/ 180" id="gh-diagram"/);
		expect(root).not.toMatch(/\s(width|height)=/);
		expect(root).not.toContain('max-width');
		expect(fitted.svg.slice(root.length)).toBe(SVG.slice(/<svg[^>]*>/.exec(SVG)![0].length));
	});

	it("keeps an SVG without a viewBox as it is, apart from Mermaid's sizing", () => {
		expect(fitSvgRoot('<svg width="100%"><g/></svg>')).toEqual({ svg: '<svg><g/></svg>', width: 0, height: 0 });
	});
});

describe('describeMermaidError', () => {
	it("keeps Mermaid's words on one line and drops the quoted line with its caret", () => {
		const message = "Parse error on line 3:\n...B  B -->> C\n-----------------^\nExpecting 'AMP', 'COLON', got 'TAGEND'";
		expect(describeMermaidError(message)).toBe("Parse error on line 3: Expecting 'AMP', 'COLON', got 'TAGEND'");
		expect(describeMermaidError('No diagram type detected matching given configuration for text: flowchat LR\n  A --> B')).toBe(
			'No diagram type detected matching given configuration for text: flowchat LR A --> B',
		);
	});
});

describe('the diagram cache', () => {
	const parts = { source: 'flowchart LR\n  A --> B\n', theme: 'light', mermaidVersion: '11.17.2', config: { theme: 'base', fontSize: 14 } };

	it('addresses an SVG by diagram, theme, Mermaid version and configuration', () => {
		const key = diagramCacheKey(parts);
		expect(key).toMatch(/^[0-9a-f]{64}$/);
		expect(diagramCacheKey({ ...parts, config: { theme: 'base', fontSize: 14 } })).toBe(key);
		for (const changed of [
			{ source: 'flowchart LR\n  A --> C\n' },
			{ theme: 'dark' },
			{ mermaidVersion: '11.18.0' },
			{ config: { theme: 'base', fontSize: 15 } },
		]) {
			expect(diagramCacheKey({ ...parts, ...changed }), JSON.stringify(changed)).not.toBe(key);
		}
	});

	it("lives beside Astro's cache in node_modules unless GLASSHOUSE_DIAGRAM_CACHE says otherwise", () => {
		const defaultCacheDir = (root: string, env: Record<string, string>) => readBuildContext(env, root).diagramCache;
		expect(defaultCacheDir('/repo', {})).toBe(path.join('/repo', 'node_modules', '.cache', 'glasshouse-diagrams'));
		expect(defaultCacheDir('/repo', { GLASSHOUSE_DIAGRAM_CACHE: 'tmp/cache' })).toBe(path.join('/repo', 'tmp', 'cache'));
	});

	it('reads back what it wrote, misses what it never saw, and leaves no temporary files', async () => {
		const dir = path.join(mkdtempSync(path.join(tmpdir(), 'glasshouse-cache-')), 'nested');
		const key = diagramCacheKey(parts);
		expect(await readCachedSvg(dir, key)).toBeUndefined();
		await writeCachedSvg(dir, key, '<svg/>');
		expect(await readCachedSvg(dir, key)).toBe('<svg/>');
		expect(readdirSync(dir)).toEqual([`${key}.svg`]);
	});
});
