import type { Locale } from '@/i18n/locales';
import { CHANGE_SECTIONS } from './headings';
import { inlineValue, line } from './yaml-text';

interface ChangeScaffoldInput {
	number: number;
	title: string;
	requestedBy: string;
	requestedOn: string;
	locale: Locale;
	currency: string;
	/** What is in scope now (client.yaml), offered for `impact.scope.removes`. */
	inScope: string[];
	/** Ids of the client's milestones, offered for `milestones`. */
	milestoneIds: string[];
}

const BODY = {
	en: {
		why: 'TODO: why the change is needed: the problem or opportunity, and who raised it.',
		what: 'TODO: what would change, in plain words: what is added, changed or dropped',
		impact: 'TODO: the effect on schedule, cost and scope in words; the figures go in "impact" above once estimated.',
	},
	'zh-CN': {
		why: 'TODO：为什么需要这项变更：要解决的问题或抓住的机会，由谁提出。',
		what: 'TODO：具体变更什么：新增、修改或取消哪些内容',
		impact: 'TODO：对进度、费用和范围的影响说明；估算完成后把数字写进上面的 impact。',
	},
} as const;

/**
 * `changes/<NNNN>-<slug>.mdx`: a change request as first raised. The impact and approval
 * records are commented out with the status from which they become required, because the
 * schema refuses an approval before the client has answered.
 */
export function renderChange(input: ChangeScaffoldInput): string {
	const words = BODY[input.locale];
	const headings = CHANGE_SECTIONS[input.locale];
	const inScope = input.inScope.length
		? `; copy them exactly from scope.in: ${input.inScope.map((item) => inlineValue(item)).join(', ')}`
		: '';
	const milestones = input.milestoneIds.length ? `: ${input.milestoneIds.join(', ')}` : '';
	const front = [
		line('number', input.number, `shown as CR-${input.number}; must match the file name`),
		line('title', input.title, 'the change as a short statement'),
		line('requestedBy', input.requestedBy, 'who asked for it'),
		line('requestedOn', input.requestedOn),
		line('status', 'requested', 'requested → estimated → awaiting-client → approved or rejected → implemented'),
		'# Required from "estimated" on: what the change does to the plan.',
		'# impact:',
		'#   scheduleDays: 0  # days added to (+) or saved from (-) the schedule',
		`#   cost: 0  # added (+) or saved (-), in ${input.currency}`,
		'#   scope:',
		'#     adds: []  # items that become part of the project',
		`#     removes: []  # items that leave the project${inScope}`,
		'#   note: How the estimate was made',
		'# Required once approved, rejected or implemented (the build fails without it), refused before:',
		'# approval:',
		'#   by: Name of who answered on the client side',
		'#   on: YYYY-MM-DD',
		'#   note: Conditions or reasons given with the answer',
		'# decision: 1  # number of the decision that records it, if any',
		line('milestones', [], `ids of the milestones it affects${milestones}`),
		line('tags', [], 'lowercase labels for filtering, e.g. [scope, tracking]'),
	];
	const body = [
		`## ${headings.why}`,
		'',
		words.why,
		'',
		`## ${headings.what}`,
		'',
		`- ${words.what}`,
		'',
		`## ${headings.impact}`,
		'',
		words.impact,
		'',
	];
	return `---\n${front.join('\n')}\n---\n\n${body.join('\n')}`;
}
