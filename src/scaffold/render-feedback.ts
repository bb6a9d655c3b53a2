import type { Locale } from '@/i18n/locales';
import type { FeedbackChannel, FeedbackKindValue } from '@/kinds/feedback/schema';
import { bodyComment, type BodyFormat } from './body-comment';
import { line } from './yaml-text';

interface FeedbackScaffoldInput {
	number: number;
	summary: string;
	from: string;
	/** Whether `from` is someone outside client.yaml's team (then `outsider` is written as a TODO). */
	outsider: boolean;
	channel: FeedbackChannel;
	kind: FeedbackKindValue;
	receivedOn: string;
	locale: Locale;
	format: BodyFormat;
}

const WORDS = {
	en: {
		number: (number: number) => `shown as #${number}; must match the file name`,
		summary: 'what the client said, in one or two sentences',
		from: 'a client-side team member as named in client.yaml, or a named outsider (then set outsider)',
		outsider: 'TODO: who they are to the project, e.g. Chair of the visitor panel',
		channel: 'meeting, email, call, survey or site',
		kind: 'question, request, concern, complaint or praise',
		status: 'received → acknowledged → in-progress → answered → closed, or declined (with reason)',
		dates: 'Required from acknowledged on, and once answered, closed or declined:',
		reason: 'Required when declined: why, in a sentence the client can accept',
		links: 'What it led to (each must exist):',
		body: [
			'Our response goes here: what we did about it, in plain words.',
			'Required once the status is answered, closed or declined; while the item is open,',
			'anything written here is shown as where things stand.',
		],
	},
	'zh-CN': {
		number: (number: number) => `显示为 #${number}；必须与文件名一致`,
		summary: '客户的原话或要点，一两句话',
		from: 'client.yaml 中客户方成员的姓名；团队以外的人请同时填写 outsider',
		outsider: 'TODO：此人与项目的关系，例如“访客小组组长”',
		channel: 'meeting、email、call、survey 或 site',
		kind: 'question、request、concern、complaint 或 praise',
		status: 'received → acknowledged → in-progress → answered → closed，或 declined（需填写 reason）',
		dates: '从 acknowledged 起必填确认日期；answered、closed 或 declined 时必填答复日期：',
		reason: 'declined 时必填：客户能够接受的原因说明',
		links: '由此产生的决策、变更、风险或会议（必须存在）：',
		body: [
			'在这里写我们的答复：我们做了什么，用客户看得懂的话。',
			'状态为 answered、closed 或 declined 时必填；处理中时写在这里的内容会作为进展显示。',
		],
	},
} as const;

/**
 * `feedback/<NNNN>-<slug>.mdx`: a piece of feedback as just received. The dates, the reason and
 * the links are commented out with the status from which they are required, because the schema
 * refuses them before; the body holds only a comment, so nothing unfinished reaches the client.
 */
export function renderFeedback(input: FeedbackScaffoldInput): string {
	const words = WORDS[input.locale];
	const front = [
		line('number', input.number, words.number(input.number)),
		line('receivedOn', input.receivedOn),
		line('from', input.from, words.from),
		...(input.outsider ? [line('outsider', words.outsider)] : []),
		line('channel', input.channel, words.channel),
		line('kind', input.kind, words.kind),
		line('summary', input.summary, words.summary),
		line('status', 'received', words.status),
		`# ${words.dates}`,
		'# acknowledgedOn: YYYY-MM-DD',
		'# answeredOn: YYYY-MM-DD',
		`# reason: ${words.reason}`,
		`# ${words.links}`,
		'# decisions: []',
		'# changes: []',
		'# risks: []',
		'# meetings: []  # YYYY-MM-DD',
	];
	return `---\n${front.join('\n')}\n---\n\n${bodyComment([...words.body], input.format)}\n`;
}
