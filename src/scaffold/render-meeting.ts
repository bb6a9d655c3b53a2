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
	},
	'zh-CN': {
		reviewActions: (date: string) => `回顾${date}会议的待办事项`,
		agenda: 'TODO：议程事项',
		attendee: 'TODO：姓名',
		summary: 'TODO：用两三句话概括结论：达成了什么共识，接下来做什么。',
		notes: 'TODO：讨论要点，每个议程事项一条',
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
		line('date', input.date, 'must match the start of the file name'),
		line('type', input.type, 'kickoff, weekly, steering, review or retrospective'),
		`# ${line('title', 'A short headline', 'optional; defaults to the type and date')}`,
		'attendees:',
		'  # Everyone on the team in client.yaml, per side: delete who did not attend, add guests.',
		indent(block('client', attendees(input.team.client))),
		indent(block('vendor', attendees(input.team.vendor))),
		block('agenda', agenda, 'what the meeting covers, in order'),
		line('decisions', [], 'numbers of decisions taken in the meeting, e.g. [7]'),
	];
	const example = [
		'  # - text: What is to be done',
		'  #   owner: A name from the team in client.yaml (anyone else needs "side: client" or "side: vendor")',
		'  #   due: YYYY-MM-DD',
		'  #   done: false',
	];
	if (open.length) {
		front.push(
			`# Open items carried over from ${input.previous!.date}; set done: true here once done.`,
			block('actions', open.map(stripDefaults)),
			...example,
		);
	} else {
		front.push(line('actions', [], 'action items agreed; the overview shows the open ones to both sides'), ...example);
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
