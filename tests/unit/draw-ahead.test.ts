import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
	closeDiagramBrowser,
	closeIdleDiagramBrowser,
	configureDiagrams,
	diagramSession,
	diagramStats,
	resetDiagramStats,
} from '@/mermaid/diagram-session';
import { drawAhead, parseDiagram, renderDiagram } from '@/mermaid/render-diagram';

const flow = (n: number) => `flowchart LR\n  A${n}["Step${n}"] --> B${n}["Next${n}"]`;

/** Resolves once every drawing started ahead is done (the session counts them down). */
async function aheadDone(): Promise<void> {
	while (diagramSession().ahead > 0) await new Promise((resolve) => setTimeout(resolve, 20));
}

let cacheDir: string;
beforeEach(async () => {
	await closeDiagramBrowser();
	cacheDir = mkdtempSync(path.join(tmpdir(), 'glasshouse-ahead-'));
	configureDiagrams({ cacheDir });
	resetDiagramStats();
});
afterAll(closeDiagramBrowser);

describe('drawAhead', () => {
	it('draws both colour schemes into the cache, hands them to renderDiagram without drawing again, and closes the browser when done', async () => {
		drawAhead([flow(1), flow(2)]);
		// A page asking while the drawing is under way gets that drawing, not a second one.
		const first = await renderDiagram(flow(1), 'a.mdx#0');
		await aheadDone();
		expect(diagramSession().browser).toBeUndefined();
		expect(readdirSync(cacheDir).filter((file) => file.endsWith('.svg'))).toHaveLength(4);
		const second = await renderDiagram(flow(2), 'a.mdx#1');
		expect(diagramStats()).toEqual({ rendered: 2, fromCache: 0, drawnAhead: 2 });
		// Nothing drawn for the pages started a browser again.
		expect(diagramSession().browser).toBeUndefined();
		expect(first.svg).toContain('>Step1<');
		expect(second.svg).toContain('>Step2<');
	});

	it('leaves what the cache holds to the page: nothing read, no browser started', async () => {
		drawAhead([flow(3)]);
		await aheadDone();
		resetDiagramStats();
		drawAhead([flow(3)]);
		expect(diagramSession().ahead).toBe(0);
		expect(diagramSession().svgs.size).toBe(0);
		expect(diagramSession().browser).toBeUndefined();
		await renderDiagram(flow(3), 'a.mdx#0');
		expect(diagramStats()).toEqual({ rendered: 0, fromCache: 1, drawnAhead: 0 });
		expect(diagramSession().browser).toBeUndefined();
	});

	it("answers the check's parses before the drawings queued ahead of them", async () => {
		const sources = Array.from({ length: 12 }, (_, index) => flow(10 + index));
		drawAhead(sources);
		// The browser is up and drawing the queue when the check asks.
		await renderDiagram(sources[0]!, 'b.mdx#0');
		const drawnBefore = diagramSession().rendered.size;
		let drawnWhenParsed = 0;
		const order: string[] = [];
		const last = renderDiagram(sources.at(-1)!, 'b.mdx#11').then(() => order.push('last drawing'));
		const parsed = Promise.all([parseDiagram(flow(100)), parseDiagram('flowchart LR\n  A --')]).then((messages) => {
			order.push('parses');
			drawnWhenParsed = diagramSession().rendered.size;
			return messages;
		});
		const [valid, invalid] = await parsed;
		await last;
		expect(order).toEqual(['parses', 'last drawing']);
		// Only the drawing under way when they came (and the next, at a push) went first, not the queue.
		expect(drawnWhenParsed - drawnBefore).toBeLessThanOrEqual(2);
		expect(valid).toBeUndefined();
		expect(invalid).toMatch(/Parse error/);
		await aheadDone();
		expect(diagramSession().browser).toBeUndefined();
	});

	it("keeps drawing while Node's thread is busy: the page holds the queue, not Node", async () => {
		// Larger than `flow`, so the drawing time the wait is compared with is well above a round trip's.
		const chain = (n: number) =>
			`flowchart TD\n${Array.from({ length: 30 }, (_, step) => `  N${n}x${step}["Step ${step} of ${n}"] --> N${n}x${step + 1}`).join('\n')}`;
		const sources = Array.from({ length: 6 }, (_, index) => chain(300 + index));
		// Started and given a moment to reach the page, as the check hands them over between files (sent within the second).
		await renderDiagram(flow(299), 'e.mdx#0');
		const drawn = Promise.all(sources.map((source, index) => renderDiagram(source, `e.mdx#${index + 1}`)));
		await new Promise((resolve) => setTimeout(resolve, 1000));
		const before = diagramSession().milliseconds;
		// Node busy, as while it compiles MDX: it can neither send a drawing nor take one back.
		const busyUntil = performance.now() + 6000;
		while (performance.now() < busyUntil);
		const unblocked = performance.now();
		await drawn;
		const waited = performance.now() - unblocked;
		const drawing = diagramSession().milliseconds - before;
		// Queued in Node, each drawing after the first would start only now, one round trip after the
		// other: the wait would be most of the drawing time. Queued in the page, they were drawn meanwhile.
		expect(drawing).toBeGreaterThan(0);
		expect(waited).toBeLessThan(drawing / 4);
	});

	it('keeps the browser open while a page draws, however idle the drawings ahead are', async () => {
		const drawing = renderDiagram(flow(200), 'c.mdx#0');
		await new Promise((resolve) => setTimeout(resolve, 50));
		await closeIdleDiagramBrowser();
		// The drawing is not cut off: it completes on the browser it started.
		expect((await drawing).svg).toContain('>Step200<');
		expect(diagramSession().browser).toBeDefined();
	});

	it('drops a drawing that fails, so the page draws it again and reports it', async () => {
		drawAhead(['flowchart LR\n  A --']);
		await aheadDone();
		expect(diagramSession().svgs.size).toBe(0);
		await expect(renderDiagram('flowchart LR\n  A --', 'd.mdx#0')).rejects.toMatchObject({ name: 'MermaidSyntaxError' });
	});
});
