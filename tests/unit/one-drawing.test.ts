import { describe, expect, it } from 'vitest';
import { oneDrawing } from '@/mermaid/one-drawing';

/** Mermaid's output in miniature: one scoped stylesheet, then the drawing. */
const svg = (css: string, body = '<rect class="task done0"/><text class="taskText">A</text>') =>
	`<svg id="gh-diagram" xmlns="http://www.w3.org/2000/svg"><style>${css}</style>${body}</svg>`;
const cssOf = (drawing: string) => /<style>([^<]*)<\/style>/.exec(drawing)![1]!;

const LIGHT = svg(
	'#gh-diagram{font-family:"a;b",sans-serif;fill:#0f172a;}@keyframes dash{to{stroke-dashoffset:0;}}#gh-diagram .done0{fill:#a7f3d0;stroke:#059669;stroke-width:2}#gh-diagram .taskText{fill:#0f172a!important;font-size:13px;}',
);
const DARK = svg(
	'#gh-diagram{font-family:"a;b",sans-serif;fill:#f1f5f9;}@keyframes dash{to{stroke-dashoffset:0;}}#gh-diagram .done0{fill:#065f46;stroke:#34d399;stroke-width:2}#gh-diagram .taskText{fill:#f1f5f9!important;font-size:13px;}',
);

describe('oneDrawing', () => {
	it('keeps every rule in its place and turns each pair of differing values into one custom property', () => {
		const merged = oneDrawing(LIGHT, DARK, 'gh-diagram')!;
		expect(merged.replace(/<style>[^<]*<\/style>/, '')).toBe(LIGHT.replace(/<style>[^<]*<\/style>/, ''));
		expect(cssOf(merged)).toBe(
			[
				'#gh-diagram{--gh-c0:#0f172a;--gh-c1:#a7f3d0;--gh-c2:#059669}',
				'#gh-diagram{font-family:"a;b",sans-serif;fill:var(--gh-c0)}',
				'@keyframes dash{to{stroke-dashoffset:0;}}',
				'#gh-diagram .done0{fill:var(--gh-c1);stroke:var(--gh-c2);stroke-width:2}',
				'#gh-diagram .taskText{fill:var(--gh-c0)!important;font-size:13px}',
				'@media screen and (prefers-color-scheme: dark){#gh-diagram{--gh-c0:#f1f5f9;--gh-c1:#065f46;--gh-c2:#34d399}}',
			].join(''),
		);
	});

	it('returns the light drawing as it is when the two are the same', () => {
		expect(oneDrawing(LIGHT, LIGHT, 'gh-diagram')).toBe(LIGHT);
	});

	it('gives up, so both drawings are kept, on anything but values that differ', () => {
		const light = '#gh-diagram{fill:#000;stroke:#111}';
		for (const [what, dark] of [
			['different markup', svg('#gh-diagram{fill:#fff;stroke:#111}', '<rect class="task"/>')],
			['a rule on one side only', svg(`${light}#gh-diagram .x{fill:#fff}`)],
			['another selector', svg('#gh-diagram .y{fill:#fff;stroke:#111}')],
			['a property on one side only', svg('#gh-diagram{fill:#fff}')],
			['another property', svg('#gh-diagram{color:#fff;stroke:#111}')],
			['!important on one side only', svg('#gh-diagram{fill:#fff!important;stroke:#111}')],
			['an at-rule that differs', svg(`${light}@keyframes x{to{fill:#fff}}`)],
			['two stylesheets', svg('#gh-diagram{fill:#fff;stroke:#111}').replace('</svg>', '<style></style></svg>')],
			['CSS it cannot read', svg('#gh-diagram{fill:#fff;stroke:#111')],
			['a custom property that differs', svg('#gh-diagram{--x:#fff;stroke:#111}')],
		] as const) {
			const base =
				what === 'an at-rule that differs'
					? svg(`${light}@keyframes x{to{fill:#000}}`)
					: what === 'a custom property that differs'
						? svg('#gh-diagram{--x:#000;stroke:#111}')
						: svg(light);
			expect(oneDrawing(base, dark, 'gh-diagram'), what).toBeUndefined();
		}
	});
});
