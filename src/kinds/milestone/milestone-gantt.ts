import { addDays, daysBetween } from '@/lib/calendar';
import type { Locale } from '@/i18n/locales';
import type { Milestone, MilestoneStatus } from '@/kinds/milestone/schema';
import { mermaidText } from '@/mermaid/mermaid-text';

/** The fields of a milestone the chart reads. */
export type GanttMilestone = Pick<
	Milestone,
	'id' | 'title' | 'phase' | 'start' | 'due' | 'forecast' | 'completed' | 'status' | 'dependsOn'
>;

interface GanttOptions {
	/** Interface language: picks the axis date format. */
	locale: Locale;
	/** Section for milestones without a phase. */
	otherPhase: string;
	/** Label of the extra bar that shows how far a milestone has slipped, e.g. "Forecast: 21 days later". */
	forecastLabel: (milestone: GanttMilestone, days: number) => string;
	/**
	 * Text on a milestone's bar; its title unless given. Pages add the status in words, so it is not
	 * told by colour alone (WCAG 1.4.1).
	 */
	barLabel?: (milestone: GanttMilestone) => string;
}

/** Mermaid's styling per status: done, in progress (active), late (crit); at risk is active and crit. */
const TAGS: Record<Exclude<MilestoneStatus, 'cancelled'>, string[]> = {
	done: ['done'],
	'in-progress': ['active'],
	late: ['crit'],
	'at-risk': ['active', 'crit'],
	planned: [],
};

const AXIS: Record<Locale, { day: string; month: string }> = {
	en: { day: '%-d %b', month: '%b %Y' },
	'zh-CN': { day: '%-m月%-d日', month: '%Y年%-m月' },
};

interface Bar {
	milestone: GanttMilestone;
	/** Id of the bar that ends last for this milestone (its forecast bar when it slipped). */
	lastId: string;
	end: string;
	slip?: { days: number; end: string };
}

const taskId = (id: string) => `m-${id}`;

/**
 * A Mermaid Gantt chart of a client's milestones: one section per phase in order of first start,
 * one bar per milestone from its planned start to its due date (or to its completion once done),
 * and a dashed continuation bar up to the forecast when an open milestone has slipped.
 * Dependencies are written with `after` where the milestone starts right after them, so the
 * source states the link without moving any planned date. `todayMarker off` keeps the output
 * independent of the day of the build. Cancelled milestones are left out.
 */
export function milestoneGantt(milestones: readonly GanttMilestone[], options: GanttOptions): string {
	const bars = new Map<string, Bar>();
	for (const milestone of milestones) {
		if (milestone.status === 'cancelled') continue;
		// A done bar ends on completion; one finished before its planned start shrinks to a point.
		const end = milestone.completed ? (milestone.completed > milestone.start ? milestone.completed : milestone.start) : milestone.due;
		const slipped = !milestone.completed && milestone.forecast && milestone.forecast > milestone.due;
		const slip = slipped ? { days: daysBetween(milestone.due, milestone.forecast!), end: milestone.forecast! } : undefined;
		bars.set(milestone.id, { milestone, end, slip, lastId: taskId(slip ? `${milestone.id}-forecast` : milestone.id) });
	}
	const ordered = [...bars.values()].sort(
		(a, b) =>
			a.milestone.start.localeCompare(b.milestone.start) ||
			a.milestone.due.localeCompare(b.milestone.due) ||
			a.milestone.id.localeCompare(b.milestone.id),
	);
	const phases = new Map<string, Bar[]>();
	for (const bar of ordered) {
		const phase = bar.milestone.phase ?? options.otherPhase;
		phases.set(phase, [...(phases.get(phase) ?? []), bar]);
	}

	const first = ordered[0]?.milestone.start;
	const last = ordered.reduce((latest, bar) => ((bar.slip?.end ?? bar.end) > latest ? (bar.slip?.end ?? bar.end) : latest), first ?? '');
	const span = first ? daysBetween(first, last) : 0;
	const axis = AXIS[options.locale];
	const lines = [
		...frontmatter([...phases.keys()]),
		'gantt',
		'  dateFormat YYYY-MM-DD',
		// Due dates are the last working day of a milestone, so its bar includes that day.
		'  inclusiveEndDates',
		`  axisFormat ${span <= 62 ? axis.day : axis.month}`,
		`  tickInterval ${span <= 62 ? '1week' : span <= 550 ? '1month' : '3month'}`,
		'  todayMarker off',
	];
	for (const [phase, phaseBars] of phases) {
		lines.push(`  section ${mermaidText(phase)}`);
		for (const bar of phaseBars) lines.push(...barLines(bar, bars, options));
	}
	return `${lines.join('\n')}\n`;
}

function barLines(bar: Bar, bars: Map<string, Bar>, options: GanttOptions): string[] {
	const { milestone, end, slip } = bar;
	const tags = [...TAGS[milestone.status as keyof typeof TAGS]];
	const single = end === milestone.start && !slip;
	if (single) tags.push('milestone');
	// No space before the colon: Mermaid keeps everything up to it as the label, spaces included.
	const lines = [
		`  ${mermaidText(options.barLabel?.(milestone) ?? milestone.title)}:${[...tags, taskId(milestone.id), startOf(milestone, bars), end].join(', ')}`,
	];
	if (slip) {
		const label = mermaidText(options.forecastLabel(milestone, slip.days));
		lines.push(`  ${label}:${[...tags, taskId(`${milestone.id}-forecast`), `after ${taskId(milestone.id)}`, slip.end].join(', ')}`);
	}
	return lines;
}

/** `after <ids>` when the milestone starts the day after its dependencies end, else its own date. */
function startOf(milestone: GanttMilestone, bars: Map<string, Bar>): string {
	const dependencies = milestone.dependsOn.map((id) => bars.get(id)).filter((bar): bar is Bar => bar !== undefined);
	if (dependencies.length === 0) return milestone.start;
	const latestEnd = dependencies.reduce((latest, bar) => ((bar.slip?.end ?? bar.end) > latest ? (bar.slip?.end ?? bar.end) : latest), '');
	return addDays(latestEnd, 1) === milestone.start ? `after ${dependencies.map((bar) => bar.lastId).join(' ')}` : milestone.start;
}

/**
 * Room on the left for the longest phase name (CJK characters are about twice as wide as Latin
 * ones), and dates above the bars as well as below. The `topAxis` statement would do the latter,
 * but Mermaid 11.17.2 throws on it ("TopAxis is not a function"); the config key works.
 */
function frontmatter(phases: string[]): string[] {
	const widest = Math.max(
		0,
		...phases.map((phase) => [...phase].reduce((width, character) => width + (/[\u2e80-\uffff]/.test(character) ? 14 : 8), 0)),
	);
	const leftPadding = Math.min(220, Math.max(80, widest + 24));
	return ['---', 'config:', '  gantt:', `    leftPadding: ${leftPadding}`, '    topAxis: true', '---'];
}
