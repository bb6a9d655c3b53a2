import type { Locale } from '@/i18n/locales';
import type { Level } from '@/kinds/level';
import { line } from './yaml-text';

interface RiskScaffoldInput {
	id: string;
	title: string;
	likelihood: Level;
	impact: Level;
	owner: string;
	/** The day it is recorded. */
	raised: string;
	locale: Locale;
	/** riskReviewDays of client.yaml, named in the comment on `reviewed`. */
	reviewDays: number;
}

const MITIGATION = {
	en: 'TODO: what is being done to make it less likely or less harmful',
	'zh-CN': 'TODO：为降低发生的可能性或减轻影响正在采取的措施',
} as const;

/**
 * `risks/<id>.yaml`: an open entry of the risk register. Severity is not a field: the site
 * derives it from likelihood × impact, so the comment says how instead of offering a field that
 * could contradict them.
 */
export function renderRisk(input: RiskScaffoldInput): string {
	return [
		'# One entry of the risk register. Severity is derived, never written: likelihood × impact',
		'# scores 1-9 (low 1, medium 2, high 3); 6 or 9 is high, 3 or 4 medium, 1 or 2 low.',
		line('id', input.id, 'must match the file name; an update lists it under "risks"'),
		line('title', input.title, 'what could happen, in one line'),
		'# description: Cause, trigger and what it would affect  # optional background',
		line('likelihood', input.likelihood, 'how likely it is to happen: low, medium or high'),
		line('impact', input.impact, 'how much it would hurt if it happened: low, medium or high'),
		line('owner', input.owner, 'who watches it and acts on it'),
		line('status', 'open', 'open, mitigating (actions under way), closed (no longer a threat) or occurred (it happened)'),
		line('mitigation', MITIGATION[input.locale]),
		'# contingency: What we do if it happens anyway  # optional',
		line('raised', input.raised, 'when it was first recorded'),
		`# reviewed: YYYY-MM-DD  # set at every review; \`check\` warns when an open risk goes ${input.reviewDays} days without one (riskReviewDays in client.yaml)`,
		line('tags', [], 'lowercase labels for filtering, e.g. [supplier, schedule]'),
		'',
	].join('\n');
}
