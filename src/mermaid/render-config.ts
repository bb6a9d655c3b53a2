/**
 * How diagrams look: Mermaid's configuration for the light and the dark rendering of every diagram.
 * Colours follow the site's status palette (slate planned, sky in progress, emerald done, red late,
 * amber at risk); light bars carry dark text, dark bars light text, so both read on their cards.
 * Any change here changes the cache key, so cached SVGs never outlive the look they were made with.
 */

export const DIAGRAM_THEMES = ['light', 'dark'] as const;
export type DiagramTheme = (typeof DIAGRAM_THEMES)[number];

/** Measured at build time with the first font; Noto Sans CJK covers Latin and Chinese alike. */
const DIAGRAM_FONT =
	'"Noto Sans CJK SC", "Noto Sans SC", system-ui, -apple-system, "Segoe UI", Roboto, "PingFang SC", "Microsoft YaHei", sans-serif';

/** Width the renderer lays diagrams out for: the inner width of a card on a desktop screen. */
export const LAYOUT_WIDTH = 920;

interface Palette {
	text: string;
	muted: string;
	line: string;
	band: string;
	node: string;
	nodeBorder: string;
	planned: [fill: string, stroke: string];
	active: [fill: string, stroke: string];
	done: [fill: string, stroke: string];
	late: [fill: string, stroke: string];
	risk: [fill: string, stroke: string];
}

const PALETTES: Record<DiagramTheme, Palette> = {
	light: {
		text: '#0f172a',
		muted: '#475569',
		line: '#cbd5e1',
		band: '#94a3b8',
		node: '#f1f5f9',
		nodeBorder: '#64748b',
		planned: ['#e2e8f0', '#64748b'],
		active: ['#bae6fd', '#0284c7'],
		done: ['#a7f3d0', '#059669'],
		late: ['#fecaca', '#dc2626'],
		risk: ['#fde68a', '#d97706'],
	},
	dark: {
		text: '#f1f5f9',
		muted: '#94a3b8',
		line: '#334155',
		band: '#64748b',
		node: '#1e293b',
		nodeBorder: '#94a3b8',
		planned: ['#334155', '#94a3b8'],
		active: ['#075985', '#38bdf8'],
		done: ['#065f46', '#34d399'],
		late: ['#991b1b', '#f87171'],
		risk: ['#92400e', '#fbbf24'],
	},
};

/** The object passed to `mermaid.initialize` for one theme (plain JSON: it crosses into the browser). */
export function mermaidConfig(theme: DiagramTheme): Record<string, unknown> {
	const p = PALETTES[theme];
	return {
		startOnLoad: false,
		securityLevel: 'strict',
		// A failed render must throw, not draw Mermaid's "syntax error" bomb into the page.
		suppressErrorRendering: true,
		theme: 'base',
		darkMode: theme === 'dark',
		fontFamily: DIAGRAM_FONT,
		// SVG text, not HTML in foreignObject: the site's prose styles would reach into HTML labels.
		htmlLabels: false,
		flowchart: { htmlLabels: false, useMaxWidth: true, nodeSpacing: 30, rankSpacing: 40, wrappingWidth: 160, padding: 10 },
		gantt: {
			useWidth: LAYOUT_WIDTH,
			fontSize: 13,
			sectionFontSize: 13,
			barHeight: 24,
			barGap: 8,
			topPadding: 50,
			gridLineStartPadding: 36,
			numberSectionStyles: 2,
		},
		timeline: { disableMulticolor: true, useMaxWidth: true, leftMargin: 0, padding: 12 },
		themeVariables: {
			fontFamily: DIAGRAM_FONT,
			fontSize: '14px',
			background: 'transparent',
			textColor: p.text,
			titleColor: p.text,
			lineColor: p.muted,
			primaryColor: p.node,
			primaryBorderColor: p.nodeBorder,
			primaryTextColor: p.text,
			secondaryColor: p.active[0],
			secondaryBorderColor: p.active[1],
			secondaryTextColor: p.text,
			tertiaryColor: p.node,
			tertiaryBorderColor: p.nodeBorder,
			tertiaryTextColor: p.text,
			edgeLabelBackground: p.node,
			clusterBkg: p.node,
			clusterBorder: p.line,
			// Gantt
			sectionBkgColor: p.band,
			altSectionBkgColor: 'transparent',
			sectionBkgColor2: p.band,
			gridColor: p.line,
			taskBkgColor: p.planned[0],
			taskBorderColor: p.planned[1],
			activeTaskBkgColor: p.active[0],
			activeTaskBorderColor: p.active[1],
			doneTaskBkgColor: p.done[0],
			doneTaskBorderColor: p.done[1],
			critBkgColor: p.late[0],
			critBorderColor: p.late[1],
			taskTextColor: p.text,
			taskTextDarkColor: p.text,
			taskTextLightColor: p.text,
			taskTextOutsideColor: p.text,
			// Timeline (one colour: the periods are months, not categories)
			cScale0: p.planned[0],
			cScaleLabel0: p.text,
			cScaleInv0: p.planned[1],
		},
		// Mermaid has no "at risk" style; active + crit is mapped to amber here. Forecast bars
		// (ids ending in -forecast) are dashed and lighter: a prediction, not a plan.
		themeCSS: [
			`.activeCrit0, .activeCrit1 { fill: ${p.risk[0]}; stroke: ${p.risk[1]}; }`,
			`rect[id$="-forecast"] { stroke-dasharray: 5 3; fill-opacity: 0.55; }`,
			`.grid .tick text { fill: ${p.muted}; font-size: 12px; }`,
			// d3 and the timeline draw these lines in currentColor or black, unreadable on a dark card.
			`.grid .tick line { stroke: ${p.line}; }`,
			`.lineWrapper line { stroke: ${p.muted}; }`,
		].join('\n'),
	};
}
