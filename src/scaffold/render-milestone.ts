import type { Locale } from '@/i18n/locales';
import { line } from './yaml-text';

interface MilestoneScaffoldInput {
	id: string;
	title: string;
	start: string;
	due: string;
	owner: string;
	/** Ids of the client's other milestones, offered in a comment for `dependsOn`. */
	otherIds: string[];
	/** The language of the comments. */
	locale: Locale;
}

const WORDS = {
	en: {
		id: 'must match the file name; updates refer to it',
		phase: 'phase: Build  # groups milestones on the timeline',
		start: 'when work towards it starts',
		forecast: 'forecast: YYYY-MM-DD  # the current forecast once it has slipped',
		status: 'planned, in-progress, done, at-risk, late or cancelled',
		owner: 'who is accountable',
		dependsOn: (known: string) => `ids of milestones that must finish first${known ? `: ${known}` : ''}`,
		deliverables: 'what is handed over, e.g. ["Signed-off test report"]',
		completed: 'completed: YYYY-MM-DD  # the actual date, together with "status: done"',
		acceptance: "acceptance:  # the client's sign-off, once completed",
		by: 'by: Name on the client side',
	},
	'zh-CN': {
		id: '必须与文件名一致；周报用它引用',
		phase: 'phase: 开发  # 在时间线上分组显示里程碑',
		start: '开始为此工作的日期',
		forecast: 'forecast: YYYY-MM-DD  # 延期后当前预计的日期',
		status: 'planned、in-progress、done、at-risk、late 或 cancelled',
		owner: '负责人',
		dependsOn: (known: string) => `必须先完成的里程碑 id${known ? `：${known}` : ''}`,
		deliverables: '交付的成果，例如 ["已签字的测试报告"]',
		completed: 'completed: YYYY-MM-DD  # 实际完成日期，同时设置 "status: done"',
		acceptance: 'acceptance:  # 完成后客户的验收签字',
		by: 'by: 客户方人员姓名',
	},
} as const;

/** `milestones/<id>.yaml`: a planned milestone, optional fields commented out with their meaning. */
export function renderMilestone(input: MilestoneScaffoldInput): string {
	const words = WORDS[input.locale];
	return [
		line('id', input.id, words.id),
		line('title', input.title),
		`# ${words.phase}`,
		line('start', input.start, words.start),
		line('due', input.due),
		`# ${words.forecast}`,
		line('status', 'planned', words.status),
		line('owner', input.owner, words.owner),
		line('dependsOn', [], words.dependsOn(input.otherIds.join(', '))),
		line('deliverables', [], words.deliverables),
		`# ${words.completed}`,
		`# ${words.acceptance}`,
		'#   on: YYYY-MM-DD',
		`#   ${words.by}`,
		'',
	].join('\n');
}
