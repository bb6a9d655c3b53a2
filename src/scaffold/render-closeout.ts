import type { Locale } from '@/i18n/locales';
import { CLOSEOUT_SECTIONS } from './headings';
import { block, line } from './yaml-text';

interface CloseoutScaffoldInput {
	date: string;
	locale: Locale;
	/** `project.objectives` of client.yaml: one outcome each. */
	objectives: string[];
	/** Support contacts (team members of client.yaml). */
	contacts: string[];
}

const WORDS = {
	en: {
		objective: 'TODO: an objective, as written in project.objectives in client.yaml',
		result: 'TODO: what was achieved, with figures where there are any',
		wentWell: 'TODO: what went well',
		lesson: 'TODO: a lesson for next time',
		how: 'TODO: how to reach support, e.g. support@example.com, answered within 2 working days',
		summary: 'TODO: the project in a few sentences: what was delivered, how it went against the plan, and what happens next.',
		thanks: 'TODO: a word of thanks to the people involved.',
		heading: 'The close-out summary. The overview shows it once client.yaml says "status: closed".',
		date: 'when the project closed',
		outcomes: 'One outcome per objective in client.yaml (project.objectives); keep each objective exactly as written there.',
		noObjectives: 'client.yaml lists no project.objectives yet: add them there, then one outcome per objective here.',
		met: 'met, partly or missed',
		perLine: 'one item per line',
		openItems: 'what is still open at close: - text, owner, due (YYYY-MM-DD)',
		contacts: 'who to contact after the project: names from the team in client.yaml',
		until: 'until: YYYY-MM-DD  # last day of the warranty or support period',
	},
	'zh-CN': {
		objective: 'TODO：与 client.yaml 中 project.objectives 完全一致的目标',
		result: 'TODO：实际成果，尽量给出数字',
		wentWell: 'TODO：做得好的地方',
		lesson: 'TODO：下次可以改进的经验',
		how: 'TODO：如何联系售后支持，例如 support@example.com，2 个工作日内答复',
		summary: 'TODO：用几句话总结项目：交付了什么，与计划相比如何，之后的安排。',
		thanks: 'TODO：感谢参与项目的各位。',
		heading: '结项总结。client.yaml 中设置 "status: closed" 后显示在概览页。',
		date: '项目结束的日期',
		outcomes: '每个 client.yaml 目标（project.objectives）对应一条结果；目标须与那里的写法完全一致。',
		noObjectives: 'client.yaml 尚未列出 project.objectives：先在那里添加，再在此为每个目标写一条结果。',
		met: 'met（达成）、partly（部分达成）或 missed（未达成）',
		perLine: '每行一项',
		openItems: '结项时仍未完成的事项：- text、owner、due（YYYY-MM-DD）',
		contacts: '项目结束后的联系人：client.yaml 团队中的姓名',
		until: 'until: YYYY-MM-DD  # 质保或支持期的最后一天',
	},
} as const;

/**
 * `closeout.mdx`: the close-out summary with one outcome per objective of client.yaml, so the
 * check's "an outcome for every objective" rule holds from the start.
 */
export function renderCloseout(input: CloseoutScaffoldInput): string {
	const words = WORDS[input.locale];
	const objectives = input.objectives.length ? input.objectives : [words.objective];
	const front = [
		`# ${words.heading}`,
		line('date', input.date, words.date),
		`# ${input.objectives.length ? words.outcomes : words.noObjectives}`,
		'outcomes:',
		...objectives.flatMap((objective) => [
			`  - ${line('objective', objective)}`,
			`    ${line('result', words.result)}`,
			`    ${line('met', 'met', words.met)}`,
		]),
		block('wentWell', [words.wentWell], words.perLine),
		block('lessons', [words.lesson], words.perLine),
		line('openItems', [], words.openItems),
		'support:',
		`  ${line('contacts', input.contacts, words.contacts)}`,
		`  ${line('how', words.how)}`,
		`  # ${words.until}`,
	];
	const headings = CLOSEOUT_SECTIONS[input.locale];
	const body = [`## ${headings.summary}`, '', words.summary, '', `## ${headings.thanks}`, '', words.thanks, ''];
	return `---\n${front.join('\n')}\n---\n\n${body.join('\n')}`;
}
