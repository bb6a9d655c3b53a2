import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { MEETING_TYPES, type MeetingType } from '@/kinds/meeting/schema';
import { renderMeeting } from '@/scaffold/render-meeting';
import { namesOnSide } from '@/kinds/client/team';
import { answerOrFail } from '@/cli/ask';
import { display, requireClient } from '@/cli/client-lookup';
import { UsageError, UserError, type Output } from '@/cli/output';
import { anyExists, markdownExtension, MD_OPTION_HELP, requireDateOption, unreadableBetween, writeScaffold } from './new-shared';

export const newMeetingHelp = `Usage: glasshouse new meeting <client> <type> [--date YYYY-MM-DD] [--md] [--content DIR]

Creates meetings/<date>-<type>.mdx (.md with --md), the minutes of one meeting. <type> is one of
${MEETING_TYPES.join(', ')}.
  - attendees: every team member of client.yaml, per side (delete who did not attend)
  - open action items of the previous meeting carry over, and the agenda starts with
    "Review actions from <its date>"
  - Summary / Notes headings in the client's language (## 摘要 … for zh-CN)

  --date   the meeting's date (default: today)
${MD_OPTION_HELP}

Refuses a second meeting of the same type on the same day. Prints the new file's path.`;

interface NewMeetingOptions {
	client?: string;
	type?: string;
	date?: string;
	content?: string;
	md?: boolean;
}

export async function runNewMeeting(options: NewMeetingOptions, output: Output, context: BuildContext): Promise<number> {
	requireDateOption('--date', options.date);
	const { client, settings, folder, loaded } = await requireClient(
		options.content ?? context.contentDir,
		options.client,
		output,
		context.checkCache,
	);
	const type = await answerOrFail(
		output,
		options.type,
		`Type of meeting (${MEETING_TYPES.join(', ')}):`,
		`Name the type of meeting: ${MEETING_TYPES.join(', ')}; e.g. glasshouse new meeting ${client.slug} weekly.`,
		UsageError,
	);
	if (!(MEETING_TYPES as readonly string[]).includes(type))
		throw new UsageError(`Meeting type: expected one of ${MEETING_TYPES.join(', ')}, found "${type}".`);
	const date = options.date ?? context.today;

	const stem = `${date}-${type}`;
	const same = client.meetings.find((meeting) => meeting.value.date === date && meeting.value.type === type);
	if (same || (await anyExists(['.md', '.mdx'].map((extension) => path.join(folder, 'meetings', `${stem}${extension}`))))) {
		throw new UserError(
			`${client.slug} already has minutes of a ${type} meeting on ${date} (${same?.source.file ?? display(path.join(folder, 'meetings', `${stem}.mdx`))}); edit them, or pass --date for another day. Nothing was written.`,
		);
	}

	const previous = client.meetings
		.map((meeting) => meeting.value)
		.filter((meeting) => meeting.date < date)
		.sort((a, b) => a.date.localeCompare(b.date))
		.at(-1);
	for (const file of unreadableBetween(loaded, client, 'meetings', date, previous?.date))
		output.warn(`warning: ${file} has errors, so nothing was carried over from it (see \`npm run check\`).`);

	const file = path.join(folder, 'meetings', `${stem}${markdownExtension(options.md)}`);
	const team = { client: namesOnSide(settings.team, 'client'), vendor: namesOnSide(settings.team, 'vendor') };
	const { text, carried } = renderMeeting({ date, type: type as MeetingType, locale: settings.locale, team, previous });
	await writeScaffold('meeting', file, text);
	output.info(display(file));
	output.info(
		`  ${type} meeting on ${date}, attendees: ${team.client.length + team.vendor.length} from the team (delete who did not attend)`,
	);
	output.info(
		previous
			? `  from ${previous.date}: ${carried} open action item(s) carried over`
			: '  the first minutes of this client: nothing to carry over',
	);
	output.info('  Replace the TODO placeholders, then run `npm run check`.');
	return 0;
}
