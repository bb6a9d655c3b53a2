import type { Locale } from '@/i18n/locales';
import { DECISION_SECTIONS } from './headings';
import { line } from './yaml-text';

interface DecisionScaffoldInput {
	number: number;
	title: string;
	date: string;
	locale: Locale;
	currency: string;
	/** Number and file name of the decision this one replaces. */
	supersedes?: { number: number; file: string };
}

const BODY = {
	en: {
		context: 'TODO: the situation and the forces at play: what made a decision necessary, and any constraints.',
		option: (letter: string) => `**TODO: option ${letter}**`,
		pro: 'Pro: TODO',
		con: 'Con: TODO',
		decision: 'TODO: the option chosen and why. While the status is proposed, say who decides and when.',
		consequences: 'TODO: what changes as a result, for the plan, the budget and the people involved',
	},
	'zh-CN': {
		context: 'TODO：背景和起因：为什么需要做这个决定，有哪些约束。',
		option: (letter: string) => `**TODO：方案 ${letter}**`,
		pro: '优点：TODO',
		con: '缺点：TODO',
		decision: 'TODO：选择哪个方案以及原因。状态为 proposed 时，写明由谁在何时决定。',
		consequences: 'TODO：这个决定对计划、预算和相关人员的影响',
	},
} as const;

/** A decision record in MADR style: Context, Options considered, Decision, Consequences. */
export function renderDecision(input: DecisionScaffoldInput): string {
	const words = BODY[input.locale];
	const headings = DECISION_SECTIONS[input.locale];
	const front = [
		line('number', input.number),
		line('title', input.title),
		line('date', input.date),
		line('status', 'proposed', 'proposed, accepted, rejected, deprecated or superseded'),
		'deciders:',
		`  ${line('client', [], 'names of the people on the client side who decide')}`,
		`  ${line('vendor', [], 'names of the people on your side who decide')}`,
		line('consulted', [], 'people whose opinion was sought'),
	];
	if (input.supersedes) {
		front.push(line('supersedes', input.supersedes.number, `once this is accepted, set "status: superseded" in ${input.supersedes.file}`));
	}
	front.push(
		line('tags', [], 'lowercase labels for the decision log filter, e.g. [hosting, budget]'),
		'# impact:',
		'#   scheduleDays: 0  # days added to (+) or saved from (-) the schedule',
		`#   cost: 0  # added (+) or saved (-), in ${input.currency}`,
		'#   note: One line of explanation',
	);
	const body = [
		`## ${headings.context}`,
		'',
		words.context,
		'',
		`## ${headings.options}`,
		'',
		words.option('A'),
		'',
		`- ${words.pro}`,
		`- ${words.con}`,
		'',
		words.option('B'),
		'',
		`- ${words.pro}`,
		`- ${words.con}`,
		'',
		`## ${headings.decision}`,
		'',
		words.decision,
		'',
		`## ${headings.consequences}`,
		'',
		`- ${words.consequences}`,
		'',
	];
	return `---\n${front.join('\n')}\n---\n\n${body.join('\n')}`;
}
