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
		status: 'proposed, accepted, rejected, deprecated or superseded',
		client: 'names of the people on the client side who decide',
		vendor: 'names of the people on your side who decide',
		consulted: 'people whose opinion was sought',
		supersedes: (file: string) => `once this is accepted, set "status: superseded" in ${file}`,
		tags: 'lowercase labels for the decision log filter, e.g. [hosting, budget]',
		scheduleDays: 'days added to (+) or saved from (-) the schedule',
		cost: (currency: string) => `added (+) or saved (-), in ${currency}`,
		note: 'One line of explanation',
	},
	'zh-CN': {
		context: 'TODO：背景和起因：为什么需要做这个决定，有哪些约束。',
		option: (letter: string) => `**TODO：方案 ${letter}**`,
		pro: '优点：TODO',
		con: '缺点：TODO',
		decision: 'TODO：选择哪个方案以及原因。状态为 proposed 时，写明由谁在何时决定。',
		consequences: 'TODO：这个决定对计划、预算和相关人员的影响',
		status: 'proposed、accepted、rejected、deprecated 或 superseded',
		client: '客户方参与决定的人员姓名',
		vendor: '我方参与决定的人员姓名',
		consulted: '征询过意见的人员',
		supersedes: (file: string) => `本决定通过后，请在 ${file} 中设置 "status: superseded"`,
		tags: '决策记录筛选用的小写标签，例如 [hosting, budget]',
		scheduleDays: '工期增加（+）或节省（-）的天数',
		cost: (currency: string) => `费用增加（+）或节省（-），单位 ${currency}`,
		note: '一句话说明',
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
		line('status', 'proposed', words.status),
		'deciders:',
		`  ${line('client', [], words.client)}`,
		`  ${line('vendor', [], words.vendor)}`,
		line('consulted', [], words.consulted),
	];
	if (input.supersedes) {
		front.push(line('supersedes', input.supersedes.number, words.supersedes(input.supersedes.file)));
	}
	front.push(
		line('tags', [], words.tags),
		'# impact:',
		`#   scheduleDays: 0  # ${words.scheduleDays}`,
		`#   cost: 0  # ${words.cost(input.currency)}`,
		`#   note: ${words.note}`,
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
