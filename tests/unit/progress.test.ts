import { describe, expect, it } from 'vitest';
import { phaseReporter, renderProgress, terminalProgress } from '@/cli/progress';

describe('the build progress line', () => {
	it('draws a bar where the total is known, a count where it is not, and the elapsed time', () => {
		expect(renderProgress({ phase: 'Rendering pages', done: 412, unit: 'pages' }, 37_400)).toBe('Rendering pages  412 pages  0:37');
		const line = renderProgress({ phase: 'Post-build: encryption', done: 3, total: 6, unit: 'steps' }, 62_000, 80);
		expect(line).toBe(`Post-build: encryption  [${'█'.repeat(15)}${'░'.repeat(15)}]  3/6 steps  1:02`);
		expect(line.length).toBeLessThanOrEqual(80);
		// A narrow terminal gets no bar rather than a wrapped line.
		expect(renderProgress({ phase: 'Post-build: encryption', done: 3, total: 6, unit: 'steps' }, 0, 40)).toBe(
			'Post-build: encryption  3/6 steps  0:00',
		);
	});

	it('is redrawn in place on a terminal, at most every 100 ms, and moves out of the way of messages', () => {
		const written: string[] = [];
		let clock = 0;
		const line = terminalProgress({ isTTY: true, columns: 61, write: (text) => written.push(text) }, () => clock)!;
		line.show({ phase: 'Rendering pages', done: 0, unit: 'pages' });
		clock = 50;
		line.show({ phase: 'Rendering pages', done: 10, unit: 'pages' });
		clock = 150;
		line.show({ phase: 'Rendering pages', done: 20, unit: 'pages' });
		line.around(() => written.push('a message\n'));
		line.show(undefined);
		expect(written).toEqual([
			'\r\u001b[KRendering pages  0 pages  0:00',
			'\r\u001b[KRendering pages  20 pages  0:00',
			'\r\u001b[K',
			'a message\n',
			'\r\u001b[KRendering pages  20 pages  0:00',
			'\r\u001b[K',
		]);
	});

	it('prints one plain line per phase where nobody watches a terminal (a pipe, CI)', () => {
		expect(terminalProgress({ isTTY: false, write: () => undefined })).toBeUndefined();
		const printed: string[] = [];
		const report = phaseReporter(undefined, (message) => printed.push(message));
		report({ phase: 'Rendering pages', done: 0, unit: 'pages' });
		report({ phase: 'Rendering pages', done: 40, unit: 'pages' });
		report({ phase: 'Post-build: search index', done: 2, total: 6, unit: 'steps' });
		report(undefined);
		expect(printed).toEqual(['Rendering pages…', 'Post-build: search index…']);
	});
});
