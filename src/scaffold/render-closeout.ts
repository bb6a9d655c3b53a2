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
	},
	'zh-CN': {
		objective: 'TODO：与 client.yaml 中 project.objectives 完全一致的目标',
		result: 'TODO：实际成果，尽量给出数字',
		wentWell: 'TODO：做得好的地方',
		lesson: 'TODO：下次可以改进的经验',
		how: 'TODO：如何联系售后支持，例如 support@example.com，2 个工作日内答复',
		summary: 'TODO：用几句话总结项目：交付了什么，与计划相比如何，之后的安排。',
		thanks: 'TODO：感谢参与项目的各位。',
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
		'# The close-out summary. The overview shows it once client.yaml says "status: closed".',
		line('date', input.date, 'when the project closed'),
		input.objectives.length
			? '# One outcome per objective in client.yaml (project.objectives); keep each objective exactly as written there.'
			: '# client.yaml lists no project.objectives yet: add them there, then one outcome per objective here.',
		'outcomes:',
		...objectives.flatMap((objective) => [
			`  - ${line('objective', objective)}`,
			`    ${line('result', words.result)}`,
			`    ${line('met', 'met', 'met, partly or missed')}`,
		]),
		block('wentWell', [words.wentWell], 'one item per line'),
		block('lessons', [words.lesson], 'one item per line'),
		line('openItems', [], 'what is still open at close: - text, owner, due (YYYY-MM-DD)'),
		'support:',
		`  ${line('contacts', input.contacts, 'who to contact after the project: names from the team in client.yaml')}`,
		`  ${line('how', words.how)}`,
		'  # until: YYYY-MM-DD  # last day of the warranty or support period',
	];
	const headings = CLOSEOUT_SECTIONS[input.locale];
	const body = [`## ${headings.summary}`, '', words.summary, '', `## ${headings.thanks}`, '', words.thanks, ''];
	return `---\n${front.join('\n')}\n---\n\n${body.join('\n')}`;
}
