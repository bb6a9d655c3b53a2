import { escapeHtml } from '@/lib/escape-html';

/** One line of the trend: a question's average in each survey (undefined where it was not asked or scored). */
export interface TrendSeries {
	label: string;
	values: Array<number | undefined>;
}

/** How each line is drawn: its dash and its marker, so no line depends on colour to be told apart. */
export const TREND_STYLES = [
	{ dash: '', marker: 'circle' },
	{ dash: '7 4', marker: 'square' },
	{ dash: '2 3', marker: 'diamond' },
	{ dash: '10 3 2 3', marker: 'triangle' },
] as const;

const WIDTH = 400;
const HEIGHT = 220;
const MARGIN = { left: 28, right: 14, top: 12, bottom: 30 };
const MIN = 1;
const MAX = 5;

function marker(kind: (typeof TREND_STYLES)[number]['marker'], x: number, y: number): string {
	const r = 4;
	switch (kind) {
		case 'circle':
			return `<circle cx="${x}" cy="${y}" r="${r}"/>`;
		case 'square':
			return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}"/>`;
		case 'diamond':
			return `<path d="M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z"/>`;
		case 'triangle':
			return `<path d="M${x} ${y - r - 1}L${x + r + 1} ${y + r}L${x - r - 1} ${y + r}Z"/>`;
	}
}

/** A small SVG key of one line's style, for the legend next to the chart. */
export function trendKey(index: number): string {
	const style = TREND_STYLES[index % TREND_STYLES.length]!;
	return `<svg viewBox="0 0 32 12" width="32" height="12" aria-hidden="true" class="survey-trend-key"><line x1="1" y1="6" x2="31" y2="6" stroke="currentColor" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/><g fill="currentColor">${marker(style.marker, 16, 6)}</g></svg>`;
}

/**
 * A line chart of average 1–5 scores across surveys, oldest first, drawn at build time. Every
 * stroke and fill is `currentColor`, so it follows the text colour in dark mode and in forced
 * colours; lines differ by dash and marker. It is decoration for sighted readers: `alt` is its
 * text alternative, and the page gives the figures in a table.
 */
export function trendSvg(labels: readonly string[], series: readonly TrendSeries[], alt: string): string {
	const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
	const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
	const x = (index: number) => MARGIN.left + (labels.length === 1 ? plotWidth / 2 : (index * plotWidth) / (labels.length - 1));
	const y = (value: number) => MARGIN.top + ((MAX - value) * plotHeight) / (MAX - MIN);
	const round = (value: number) => Math.round(value * 10) / 10;
	const grid = Array.from({ length: MAX - MIN + 1 }, (_, offset) => MIN + offset)
		.map(
			(value) =>
				`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${round(y(value))}" y2="${round(y(value))}" stroke="currentColor" stroke-opacity="0.25"/><text x="${MARGIN.left - 8}" y="${round(y(value)) + 4}" text-anchor="end">${value}</text>`,
		)
		.join('');
	const ticks = labels
		.map(
			(label, index) =>
				`<text x="${round(x(index))}" y="${HEIGHT - 10}" text-anchor="${labels.length > 1 && index === 0 ? 'start' : labels.length > 1 && index === labels.length - 1 ? 'end' : 'middle'}">${escapeHtml(label)}</text>`,
		)
		.join('');
	const lines = series
		.map((line, index) => {
			const style = TREND_STYLES[index % TREND_STYLES.length]!;
			const points = line.values.flatMap((value, position) =>
				value === undefined ? [] : [[round(x(position)), round(y(value))] as const],
			);
			const path = points.map(([px, py], position) => `${position === 0 ? 'M' : 'L'}${px} ${py}`).join('');
			return `<g><path d="${path}" fill="none" stroke="currentColor" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/><g fill="currentColor">${points.map(([px, py]) => marker(style.marker, px, py)).join('')}</g></g>`;
		})
		.join('');
	return `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(alt)}" class="survey-trend" font-size="12" fill="currentColor">${grid}${ticks}${lines}</svg>`;
}
