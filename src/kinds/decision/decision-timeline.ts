import type { Locale } from '@/i18n/locales';
import type { Decision } from '@/kinds/decision/schema';
import { mermaidText } from '@/mermaid/mermaid-text';

/** The fields of a decision the timeline reads; `status` is the one to show (the effective one: superseded once an accepted successor exists). */
export type TimelineDecision = Pick<Decision, 'number' | 'title' | 'date' | 'status'>;

interface TimelineOptions {
	/** Interface language: names the months. */
	locale: Locale;
	/** Text of one decision in the timeline, e.g. "5. Host the front end on Netlify". */
	eventLabel: (decision: TimelineDecision) => string;
}

/**
 * A Mermaid timeline of decisions, top to bottom, one period per month in which decisions were
 * taken, oldest first. Vertical so it reads on a phone without sideways scrolling.
 */
export function decisionTimeline(decisions: readonly TimelineDecision[], options: TimelineOptions): string {
	const month = new Intl.DateTimeFormat(options.locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
	const periods = new Map<string, TimelineDecision[]>();
	const ordered = [...decisions].sort((a, b) => a.date.localeCompare(b.date) || a.number - b.number);
	for (const decision of ordered) {
		const key = decision.date.slice(0, 7);
		periods.set(key, [...(periods.get(key) ?? []), decision]);
	}
	const lines = ['timeline TD'];
	for (const [key, entries] of periods) {
		const label = month.format(new Date(`${key}-01T00:00:00Z`));
		lines.push(`  ${mermaidText(label)}`, ...entries.map((decision) => `    : ${mermaidText(options.eventLabel(decision))}`));
	}
	return `${lines.join('\n')}\n`;
}
