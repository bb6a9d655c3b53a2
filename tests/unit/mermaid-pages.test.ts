import { afterAll, describe, expect, it } from 'vitest';
import { isMermaidSyntaxError, launchMermaidBrowser, type MermaidBrowser } from '@/mermaid/mermaid-browser';
import { mermaidConfig } from '@/mermaid/render-config';

const FLOW = 'flowchart LR\n  A[Brief] --> B{Approved?}\n  B -->|yes| C[Build]\n  B -->|no| A\n';
const SEQUENCE = 'sequenceDiagram\n  Client->>Agency: Feedback\n  Agency-->>Client: Answer\n';
const GANTT =
	'gantt\n  dateFormat YYYY-MM-DD\n  section Build\n  Design :done, d1, 2026-01-05, 2026-02-01\n  Launch :l1, 2026-02-01, 2026-03-01\n';

const opened: MermaidBrowser[] = [];
afterAll(() => Promise.all(opened.map((browser) => browser.close())));
async function launch(pages: number): Promise<MermaidBrowser> {
	const browser = await launchMermaidBrowser(pages);
	opened.push(browser);
	return browser;
}

describe('launchMermaidBrowser with two pages', () => {
	it('draws side by side on a second page only when the first is busy, and a diagram is the same whichever page drew it', async () => {
		const one = await launch(1);
		const two = await launch(2);
		const light = mermaidConfig('light');
		const serial = [];
		for (const source of [FLOW, SEQUENCE, GANTT]) serial.push(await one.render(source, light));
		expect(two.openPages()).toBe(1);
		// Each drawing after another one on the same page, and in a different order than above.
		const side = await Promise.all([GANTT, FLOW, SEQUENCE, FLOW, GANTT].map((source) => two.render(source, light)));
		expect(two.openPages()).toBe(2);
		expect(side).toEqual([serial[2], serial[0], serial[1], serial[0], serial[2]]);
		expect(one.openPages()).toBe(1);
	});

	it('rejects an invalid diagram with Mermaid’s message while the diagrams beside it are drawn', async () => {
		const browser = await launch(2);
		const light = mermaidConfig('light');
		const results = await Promise.allSettled([
			browser.render(FLOW, light),
			browser.render('flowchart LR\n  A --> (broken\n', light),
			browser.render(SEQUENCE, light),
		]);
		expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
		expect(isMermaidSyntaxError((results[1] as PromiseRejectedResult).reason)).toBe(true);
		expect(await browser.parse('flowchart LR\n  A --> (broken\n', light)).toMatch(/Parse error|Expecting/);
		expect(await browser.parse(FLOW, light)).toBeUndefined();
	});
});
