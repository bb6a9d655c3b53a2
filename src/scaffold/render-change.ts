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
		number: (number: number) => `shown as CR-${number}; must match the file name`,
		title: 'the change as a short statement',
		requestedBy: 'who asked for it',
		status: 'requested → estimated → awaiting-client → approved or rejected → implemented',
		impactWhen: 'Required from "estimated" on: what the change does to the plan.',
		scheduleDays: 'days added to (+) or saved from (-) the schedule',
		cost: (currency: string) => `added (+) or saved (-), in ${currency}`,
		adds: 'items that become part of the project',
		removes: (inScope: string) => `items that leave the project${inScope ? `; copy them exactly from scope.in: ${inScope}` : ''}`,
		impactNote: 'How the estimate was made',
		approvalWhen: 'Required once approved, rejected or implemented (the build fails without it), refused before:',
		approvalBy: 'Name of who answered on the client side',
		approvalNote: 'Conditions or reasons given with the answer',
		decision: 'number of the decision that records it, if any',
		milestones: (ids: string) => `ids of the milestones it affects${ids ? `: ${ids}` : ''}`,
		tags: 'lowercase labels for filtering, e.g. [scope, tracking]',
	},
	'zh-CN': {
		why: 'TODO：为什么需要这项变更：要解决的问题或抓住的机会，由谁提出。',
		what: 'TODO：具体变更什么：新增、修改或取消哪些内容',
		impact: 'TODO：对进度、费用和范围的影响说明；估算完成后把数字写进上面的 impact。',
		number: (number: number) => `显示为 CR-${number}；必须与文件名一致`,
		title: '用一句话概括变更',
		requestedBy: '提出人',
		status: 'requested → estimated → awaiting-client → approved 或 rejected → implemented',
		impactWhen: '从 "estimated" 起必填：变更对计划的影响。',
		scheduleDays: '工期增加（+）或节省（-）的天数',
		cost: (currency: string) => `费用增加（+）或节省（-），单位 ${currency}`,
		adds: '新纳入项目的内容',
		removes: (inScope: string) => `移出项目的内容${inScope ? `；请从 scope.in 原样复制：${inScope}` : ''}`,
		impactNote: '估算依据',
		approvalWhen: '在 approved、rejected 或 implemented 时必填（缺少则构建失败），此前不得填写：',
		approvalBy: '客户方答复人的姓名',
		approvalNote: '答复时附带的条件或理由',
		decision: '记录此变更的决策编号（如有）',
		milestones: (ids: string) => `受影响的里程碑 id${ids ? `：${ids}` : ''}`,
		tags: '筛选用的小写标签，例如 [scope, tracking]',
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
	const inScope = input.inScope.map((item) => inlineValue(item)).join(', ');
	const front = [
		line('number', input.number, words.number(input.number)),
		line('title', input.title, words.title),
		line('requestedBy', input.requestedBy, words.requestedBy),
		line('requestedOn', input.requestedOn),
		line('status', 'requested', words.status),
		`# ${words.impactWhen}`,
		'# impact:',
		`#   scheduleDays: 0  # ${words.scheduleDays}`,
		`#   cost: 0  # ${words.cost(input.currency)}`,
		'#   scope:',
		`#     adds: []  # ${words.adds}`,
		`#     removes: []  # ${words.removes(inScope)}`,
		`#   note: ${words.impactNote}`,
		`# ${words.approvalWhen}`,
		'# approval:',
		`#   by: ${words.approvalBy}`,
		'#   on: YYYY-MM-DD',
		`#   note: ${words.approvalNote}`,
		`# decision: 1  # ${words.decision}`,
		line('milestones', [], words.milestones(input.milestoneIds.join(', '))),
		line('tags', [], words.tags),
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
