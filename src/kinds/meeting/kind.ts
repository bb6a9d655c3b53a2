import { defineKind, MARKDOWN } from '@/kinds/kind';
import { datedWords } from '@/kinds/file-name';
import { MeetingSchema, type Meeting } from './schema';

/** `meetings/2026-10-06-steering.mdx`: the minutes of one meeting. */
export const meetingKind = defineKind({
	name: 'meeting',
	where: { folder: 'meetings' },
	format: MARKDOWN,
	schema: MeetingSchema,
	fileName: datedWords('date', (meeting: Meeting) => `${meeting.date}-${meeting.type}.mdx`),
	// Newest first; two meetings of one day by file name, last first.
	order: (a, b) => b.data.date.localeCompare(a.data.date) || b.id.localeCompare(a.id),
	search: { label: 'type.meeting' },
});
