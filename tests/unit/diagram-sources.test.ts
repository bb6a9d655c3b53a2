import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decisionTimeline, type TimelineDecision } from '@/kinds/decision/decision-timeline';
import { mermaidText } from '@/mermaid/mermaid-text';
import { milestoneGantt, type GanttMilestone } from '@/kinds/milestone/milestone-gantt';
import { closeDiagramBrowser, configureDiagrams } from '@/mermaid/diagram-session';
import { renderDiagram } from '@/mermaid/render-diagram';

const options = {
	locale: 'en' as const,
	otherPhase: 'Other',
	forecastLabel: (_milestone: GanttMilestone, days: number) => `Forecast: ${days} days later`,
};

function milestone(overrides: Partial<GanttMilestone> & Pick<GanttMilestone, 'id'>): GanttMilestone {
	return { title: overrides.id, start: '2026-03-02', due: '2026-03-20', status: 'planned', dependsOn: [], ...overrides };
}

/** The task line of a bar, found by its Mermaid id. */
function bar(source: string, id: string): string {
	const line = source.split('\n').find((candidate) => new RegExp(`[:,] ?m-${id},`).test(candidate));
	if (!line) throw new Error(`no bar m-${id} in:\n${source}`);
	return line.trim();
}

describe('mermaidText', () => {
	it('turns the characters Mermaid reads as syntax into entity codes', () => {
		expect(mermaidText('Sign-off: phase #2; "final"')).toBe('Sign-off#58; phase #35;2#59; #34;final#34;');
		expect(mermaidText('50% done <soon> {x}')).toBe('50#37; done #60;soon#62; #123;x#125;');
	});

	it('keeps a title that starts with a keyword from being read as one', () => {
		expect(mermaidText('title page redesign')).toBe('#116;itle page redesign');
		expect(mermaidText('Section 3 copy')).toBe('#83;ection 3 copy');
		expect(mermaidText('2026-01-01 freeze')).toBe('#50;026-01-01 freeze');
		expect(mermaidText('Titled work')).toBe('Titled work');
	});

	it('puts the text on one line and leaves other characters alone', () => {
		expect(mermaidText('  Go-live\n and DNS cutover ')).toBe('Go-live and DNS cutover');
		expect(mermaidText('系统上线切换（第一期）')).toBe('系统上线切换（第一期）');
	});
});

describe('milestoneGantt', () => {
	it('has no today marker, so the output depends on the content only', () => {
		const source = milestoneGantt([milestone({ id: 'a' })], options);
		expect(source).toContain('\n  todayMarker off\n');
		expect(source).toContain('\n  dateFormat YYYY-MM-DD\n');
		expect(source).toContain('\n  inclusiveEndDates\n');
		expect(source).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
	});

	it('styles done, in-progress, late and at-risk milestones', () => {
		const source = milestoneGantt(
			[
				milestone({ id: 'finished', status: 'done', completed: '2026-03-18' }),
				milestone({ id: 'ongoing', status: 'in-progress' }),
				milestone({ id: 'behind', status: 'late' }),
				milestone({ id: 'shaky', status: 'at-risk' }),
				milestone({ id: 'later', status: 'planned' }),
			],
			options,
		);
		expect(bar(source, 'finished')).toBe('finished:done, m-finished, 2026-03-02, 2026-03-18');
		expect(bar(source, 'ongoing')).toBe('ongoing:active, m-ongoing, 2026-03-02, 2026-03-20');
		expect(bar(source, 'behind')).toBe('behind:crit, m-behind, 2026-03-02, 2026-03-20');
		expect(bar(source, 'shaky')).toBe('shaky:active, crit, m-shaky, 2026-03-02, 2026-03-20');
		expect(bar(source, 'later')).toBe('later:m-later, 2026-03-02, 2026-03-20');
	});

	it('adds a forecast bar after the planned one when an open milestone has slipped', () => {
		const source = milestoneGantt([milestone({ id: 'slipped', status: 'late', forecast: '2026-04-03' })], options);
		expect(bar(source, 'slipped')).toBe('slipped:crit, m-slipped, 2026-03-02, 2026-03-20');
		expect(bar(source, 'slipped-forecast')).toBe('Forecast#58; 14 days later:crit, m-slipped-forecast, after m-slipped, 2026-04-03');
	});

	it('shows no forecast for a forecast that is not later, nor once the milestone is done', () => {
		const early = milestoneGantt([milestone({ id: 'early', forecast: '2026-03-13' })], options);
		const done = milestoneGantt([milestone({ id: 'done', status: 'done', forecast: '2026-04-03', completed: '2026-03-27' })], options);
		expect(early).not.toContain('-forecast');
		expect(done).not.toContain('-forecast');
		expect(bar(done, 'done')).toBe('done:done, m-done, 2026-03-02, 2026-03-27');
	});

	it('writes a dependency as `after` where the milestone starts the day after it ends, else keeps the date', () => {
		const source = milestoneGantt(
			[
				milestone({ id: 'design', start: '2026-01-05', due: '2026-01-30' }),
				milestone({ id: 'slip', start: '2026-01-05', due: '2026-01-16', forecast: '2026-02-06', status: 'late' }),
				milestone({ id: 'build', start: '2026-01-31', due: '2026-02-27', dependsOn: ['design'] }),
				milestone({ id: 'test', start: '2026-03-02', due: '2026-03-13', dependsOn: ['build'] }),
				milestone({ id: 'after-slip', start: '2026-02-07', due: '2026-02-20', dependsOn: ['slip', 'design'] }),
			],
			options,
		);
		expect(bar(source, 'build')).toBe('build:m-build, after m-design, 2026-02-27');
		expect(bar(source, 'test')).toBe('test:m-test, 2026-03-02, 2026-03-13');
		// Its latest dependency is the slipped one, whose bar now ends with the forecast.
		expect(bar(source, 'after-slip')).toBe('after-slip:m-after-slip, after m-slip-forecast m-design, 2026-02-20');
	});

	it('escapes titles and phase names, groups phases in order of their first start, and leaves out cancelled milestones', () => {
		const source = milestoneGantt(
			[
				milestone({ id: 'launch', title: 'Launch', phase: 'Launch', start: '2026-05-04', due: '2026-05-08' }),
				milestone({ id: 'sign-off', title: 'Sign-off: phase #2; "final"', phase: 'Phase: one', start: '2026-01-05', due: '2026-01-30' }),
				milestone({ id: 'title', title: 'title page', start: '2026-02-02', due: '2026-02-20' }),
				milestone({ id: 'dropped', title: 'Print edition', status: 'cancelled' }),
			],
			options,
		);
		const sections = source.split('\n').filter((line) => line.trimStart().startsWith('section '));
		expect(sections).toEqual(['  section Phase#58; one', '  section Other', '  section Launch']);
		expect(bar(source, 'sign-off')).toBe('Sign-off#58; phase #35;2#59; #34;final#34;:m-sign-off, 2026-01-05, 2026-01-30');
		expect(bar(source, 'title')).toBe('#116;itle page:m-title, 2026-02-02, 2026-02-20');
		expect(source).not.toContain('Print edition');
	});

	it('draws a one-day milestone as a diamond and picks the axis for the span', () => {
		const short = milestoneGantt([milestone({ id: 'go', start: '2026-03-02', due: '2026-03-02' })], options);
		expect(bar(short, 'go')).toBe('go:milestone, m-go, 2026-03-02, 2026-03-02');
		expect(short).toContain('tickInterval 1week');
		const long = milestoneGantt(
			[milestone({ id: 'a', start: '2026-01-05', due: '2026-03-02' }), milestone({ id: 'b', start: '2026-06-01', due: '2027-09-30' })],
			options,
		);
		expect(long).toContain('tickInterval 3month');
		expect(milestoneGantt([milestone({ id: 'a', start: '2026-01-05', due: '2026-06-30' })], { ...options, locale: 'zh-CN' })).toContain(
			'axisFormat %Y年%-m月',
		);
	});

	it('makes room on the left for the longest phase name', () => {
		const padding = (source: string) => Number(/leftPadding: (\d+)/.exec(source)?.[1]);
		expect(padding(milestoneGantt([milestone({ id: 'a', phase: 'QA' })], options))).toBe(80);
		expect(padding(milestoneGantt([milestone({ id: 'a', phase: 'Discovery and content model' })], options))).toBeGreaterThan(200);
		expect(padding(milestoneGantt([milestone({ id: 'a', phase: '系统实现阶段' })], options))).toBe(24 + 6 * 14);
	});
});

describe('decisionTimeline', () => {
	const decisions: TimelineDecision[] = [
		{ number: 2, title: 'Host in the cloud', date: '2026-02-02', status: 'accepted' },
		{ number: 1, title: 'Host on premises: the old servers', date: '2026-01-08', status: 'superseded' },
		{ number: 3, title: 'Use #hashtags', date: '2026-02-20', status: 'proposed' },
	];

	it('lists decisions top to bottom by month, oldest first, with escaped labels', () => {
		const source = decisionTimeline(decisions, {
			locale: 'en',
			eventLabel: (decision) => `${decision.number}. ${decision.title} (${decision.status})`,
		});
		expect(source).toBe(
			[
				'timeline TD',
				'  Jan 2026',
				'    : 1. Host on premises#58; the old servers (superseded)',
				'  Feb 2026',
				'    : 2. Host in the cloud (accepted)',
				'    : 3. Use #35;hashtags (proposed)',
				'',
			].join('\n'),
		);
	});

	it("names the months in the client's language", () => {
		expect(decisionTimeline(decisions, { locale: 'zh-CN', eventLabel: (decision) => String(decision.number) })).toContain(
			'\n  2026年1月\n',
		);
	});
});

describe('generated sources drawn by Mermaid itself', () => {
	beforeAll(() => configureDiagrams({ cacheDir: mkdtempSync(path.join(tmpdir(), 'glasshouse-diagrams-')) }));
	afterAll(closeDiagramBrowser);

	const nasty = [
		'Sign-off: phase #2; "final"',
		'title page',
		'section two',
		'50% <done> {x} & more',
		'2026-01-01 freeze',
		'dateFormat change',
		'系统上线切换：第一期',
		'a %% comment',
	];

	it('show every title exactly as written, whatever it holds', async () => {
		const gantt = milestoneGantt(
			nasty.map((title, index) =>
				milestone({ id: `m${index}`, title, phase: `Phase ${title}`, status: index % 2 ? 'late' : 'at-risk', forecast: '2026-04-30' }),
			),
			options,
		);
		const timeline = decisionTimeline(
			nasty.map((title, index) => ({ number: index + 1, title, date: `2026-0${(index % 3) + 1}-10`, status: 'accepted' as const })),
			{ locale: 'en', eventLabel: (decision) => `${decision.number}. ${decision.title}` },
		);
		const ganttTexts = svgTexts((await renderDiagram(gantt, 'test')).svg);
		const timelineTexts = svgTexts((await renderDiagram(timeline, 'test')).svg).join(' ');
		for (const [index, title] of nasty.entries()) {
			expect(ganttTexts).toContain(title);
			expect(ganttTexts).toContain(`Phase ${title}`);
			expect(timelineTexts).toContain(`${index + 1}. ${title}`);
		}
	});

	it('labels bars without spaces around the text', async () => {
		const gantt = milestoneGantt(
			[milestone({ id: 'a', title: 'Go-live', status: 'late', forecast: '2026-04-03' }), milestone({ id: 'b', title: 'Launch' })],
			{ ...options, barLabel: (entry) => `${entry.title} (${entry.status})` },
		);
		const labels = [
			...(await renderDiagram(gantt, 'test')).svg.matchAll(/<text\b[^>]*\bid="[^"]*-m-[^"]*-text"[^>]*>([^<]*)<\/text>/g),
		].map((match) => match[1]);
		expect(labels.sort()).toEqual(['Forecast: 14 days later', 'Go-live (late)', 'Launch (planned)']);
	});

	it('keeps a long label off the section names: to the right of its bar, the drawing widened to hold it', async () => {
		// A short bar mid-year with a label too long for the space on its right: Mermaid would write
		// it to the left of the bar, across the section names.
		const title = 'Content migration of every legacy page, with redirects and search index (at risk)';
		const gantt = milestoneGantt(
			[
				milestone({ id: 'whole', phase: 'Build', title: 'Build', start: '2026-01-05', due: '2026-12-18' }),
				milestone({ id: 'early', phase: 'Build', title, start: '2026-06-01', due: '2026-07-10' }),
			],
			options,
		);
		const { svg: light, width } = await renderDiagram(gantt, 'test');
		const text = /<text\b([^>]*\bid="[^"]*-m-early-text"[^>]*)>/.exec(light)![1]!;
		const bar = /<rect\b([^>]*\bid="[^"]*-m-early"[^>]*)>/.exec(light)![1]!;
		const number = (attributes: string, name: string) => Number(new RegExp(`\\b${name}="([^"]+)"`).exec(attributes)![1]);
		expect(text).toMatch(/class="[^"]*\btaskTextOutsideRight\b/);
		expect(number(text, 'x')).toBeGreaterThan(number(bar, 'x') + number(bar, 'width'));
		// At 6 px a character at the very least, the text fits in the widened drawing.
		expect(width).toBeGreaterThan(number(text, 'x') + title.length * 6);
		expect(svgTexts(light)).toContain(title);
	});

	it("draws a Gantt chart once for both colour schemes, with only the part of Mermaid's stylesheet it uses", async () => {
		const drawn = await renderDiagram(
			milestoneGantt([milestone({ id: 'a', status: 'done' }), milestone({ id: 'b', status: 'late', forecast: '2026-04-30' })], options),
			'test',
		);
		expect(drawn.dark).toBeUndefined();
		expect(drawn.svg.match(/<style>/g)).toHaveLength(1);
		const css = /<style>([^<]*)<\/style>/.exec(drawn.svg)![1]!;
		// Rules for other kinds of diagram are gone; the bars' own rules and ours (render-config.ts) stay.
		expect(css).not.toMatch(/\.flowchart-link|\.error-icon|\.cluster/);
		// Nor an animation no bar uses, nor a rule for the document's root, which is never inside a drawing.
		expect(css).not.toMatch(/@keyframes|:root/);
		expect(css).toMatch(/\.done0/);
		expect(css).toMatch(/\.grid \.tick text\{fill:var\(--gh-c\d+\);font-size:12px\}/);
		// The dark colours override the light ones on a dark screen, never on paper.
		expect(css).toMatch(/^#d[0-9a-f]{8}-gh-diagram\{--gh-c0:/);
		expect(css).toMatch(/@media screen and \(prefers-color-scheme: dark\)\{#d[0-9a-f]{8}-gh-diagram\{--gh-c0:[^}]+\}\}$/);
	});

	it('would lose a title without the escaping', async () => {
		const raw = 'gantt\n  dateFormat YYYY-MM-DD\n  section A\n  Sign-off: phase #2; "final" :m-a, 2026-03-02, 2026-03-20\n';
		const drawn = await renderDiagram(raw, 'test').then(
			(diagram) => svgTexts(diagram.svg),
			(error: Error) => [error.message],
		);
		expect(drawn).not.toContain('Sign-off: phase #2; "final"');
	});
});

/** The text of every <text> element of an SVG as a reader sees it: wrapped lines joined, spaces collapsed. */
function svgTexts(svg: string): string[] {
	return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((match) =>
		match[1]!
			.replace(/<\/tspan>\s*<tspan[^>]*>/g, ' ')
			.replace(/<[^>]+>/g, '')
			.replace(/\s+/g, ' ')
			.replace(/&#(\d+);/g, (_entity, code: string) => String.fromCodePoint(Number(code)))
			.replace(/&quot;/g, '"')
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&amp;/g, '&')
			.trim(),
	);
}
