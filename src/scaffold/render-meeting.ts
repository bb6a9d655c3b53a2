import type { Locale } from '@/i18n/locales';
import type { ActionItem, MeetingType } from '@/kinds/meeting/schema';
import { formatDate } from '@/lib/format-date';
import { MEETING_SECTIONS } from './headings';
import { stripDefaults } from './strip-defaults';
import { block, line } from './yaml-text';

interface MeetingScaffoldInput {
	date: string;
	type: MeetingType;
	locale: Locale;
	/** Names of the team members of client.yaml, per side: every one is offered as an attendee. */
	team: { client: string[]; vendor: string[] };
	/** The latest earlier meeting, whose open action items carry over. */
	previous?: { date: string; actions: ActionItem[] };
}

interface MeetingScaffold {
	text: string;
	/** Number of open action items carried over. */
	carried: number;
}

const WORDS = {
	en: {
		reviewActions: (date: string) => `Review actions from ${date}`,
		agenda: 'TODO: agenda item',
		attendee: 'TODO: name',
		summary: 'TODO: the outcome in two or three sentences: what was agreed and what happens next.',
		notes: 'TODO: the points discussed, one per agenda item',
		date: 'must match the start of the file name',
		type: 'kickoff, weekly, steering, review or retrospective',
		title: 'A short headline',
		titleNote: 'optional; defaults to the type and date',
		attendees: 'Everyone on the team in client.yaml, per side: delete who did not attend, add guests.',
		agendaNote: 'what the meeting covers, in order',
		decisions: 'numbers of decisions taken in the meeting, e.g. [7]',
		example: [
			'- text: What is to be done',
			'  owner: A name from the team in client.yaml (anyone else needs "side: client" or "side: vendor")',
		],
		carried: (date: string) => `Open items carried over from ${date}; set done: true here once done.`,
		actions: 'action items agreed; the overview shows the open ones to both sides',
	},
	'zh-CN': {
		reviewActions: (date: string) => `回顾${date}会议的待办事项`,
		agenda: 'TODO：议程事项',
		attendee: 'TODO：姓名',
		summary: 'TODO：用两三句话概括结论：达成了什么共识，接下来做什么。',
		notes: 'TODO：讨论要点，每个议程事项一条',
		date: '必须与文件名开头一致',
		type: 'kickoff、weekly、steering、review 或 retrospective',
		title: '简短的标题',
		titleNote: '可选；默认为会议类型和日期',
		attendees: 'client.yaml 中双方的全部成员：删去未出席的人，补充来宾。',
		agendaNote: '会议议程，按顺序',
		decisions: '会上做出的决策编号，例如 [7]',
		example: ['- text: 要做的事', '  owner: client.yaml 团队中的姓名（其他人需加 "side: client" 或 "side: vendor"）'],
		carried: (date: string) => `沿用自 ${date} 的未完成事项；完成后在此设为 done: true。`,
		actions: '商定的待办事项；概览页向双方显示未完成的事项',
	},
} as const;

/**
 * `meetings/<date>-<type>.mdx`: minutes to fill in during or after the meeting. Every team
 * member is listed as an attendee (deleting a name is quicker than typing one), and the open
 * action items of the previous meeting carry over, with a first agenda item to review them.
 */
export function renderMeeting(input: MeetingScaffoldInput): MeetingScaffold {
	const words = WORDS[input.locale];
	const headings = MEETING_SECTIONS[input.locale];
	const open = (input.previous?.actions ?? []).filter((action) => !action.done);
	const attendees = (names: string[]) => (names.length ? names : [words.attendee]);
	const agenda = [...(open.length ? [words.reviewActions(formatDate(input.previous!.date, input.locale, 'long'))] : []), words.agenda];

	const front = [
		line('date', input.date, words.date),
		line('type', input.type, words.type),
		`# ${line('title', words.title, words.titleNote)}`,
		'attendees:',
		`  # ${words.attendees}`,
		indent(block('client', attendees(input.team.client))),
		indent(block('vendor', attendees(input.team.vendor))),
		block('agenda', agenda, words.agendaNote),
		line('decisions', [], words.decisions),
	];
	const example = [...words.example, '  due: YYYY-MM-DD', '  done: false'].map((row) => `  # ${row}`);
	if (open.length) {
		front.push(`# ${words.carried(input.previous!.date)}`, block('actions', open.map(stripDefaults)), ...example);
	} else {
		front.push(line('actions', [], words.actions), ...example);
	}
	const body = [`## ${headings.summary}`, '', words.summary, '', `## ${headings.notes}`, '', `- ${words.notes}`, ''];
	return { text: `---\n${front.join('\n')}\n---\n\n${body.join('\n')}`, carried: open.length };
}

function indent(text: string): string {
	return text
		.split('\n')
		.map((row) => `  ${row}`)
		.join('\n');
}
