import { z } from 'zod';
import { IsoDateSchema, NoSlugSchema, TextSchema } from '@/kinds/common';
import { SideSchema } from '@/kinds/side';

export const MEETING_TYPES = ['kickoff', 'weekly', 'steering', 'review', 'retrospective'] as const;

/** Something someone agreed to do in a meeting. */
export const ActionItemSchema = z
	.object({
		/** What is to be done. */
		text: TextSchema,
		/** Who does it; a team member's name from client.yaml, or anyone with `side` set. */
		owner: TextSchema,
		/** Which side owes it; taken from the team list when the owner is on it. */
		side: SideSchema.optional(),
		/** When it is due. */
		due: IsoDateSchema.optional(),
		/** Set once it is done. */
		done: z.boolean().default(false),
	})
	.strict();

/** Frontmatter of `content/<client>/meetings/<YYYY-MM-DD>-<type>.mdx`; the body holds the notes. */
const MeetingObjectSchema = z
	.object({
		/** When the meeting took place; the file name starts with it. */
		date: IsoDateSchema,
		/** Kind of meeting. */
		type: z.enum(MEETING_TYPES),
		/** Optional headline; defaults to the type and date. */
		title: TextSchema.optional(),
		/** Who attended, per side. */
		attendees: z
			.object({
				/** Names of the attendees from the client, one at least. */
				client: z.array(TextSchema).min(1, 'expected at least one attendee from the client'),
				/** Names of the attendees from the vendor, one at least. */
				vendor: z.array(TextSchema).min(1, 'expected at least one attendee from the vendor'),
			})
			.strict(),
		/** Agenda items, in order. */
		agenda: z.array(TextSchema).default([]),
		/** Numbers of decisions taken in the meeting. */
		decisions: z.array(z.number().int().positive()).default([]),
		/** Action items agreed. */
		actions: z.array(ActionItemSchema).default([]),
		slug: NoSlugSchema,
	})
	.strict();

export const MeetingSchema = MeetingObjectSchema;

export type MeetingInput = z.input<typeof MeetingSchema>;
export type Meeting = z.infer<typeof MeetingSchema>;
export type ActionItem = z.infer<typeof ActionItemSchema>;
export type MeetingType = (typeof MEETING_TYPES)[number];
