import { z } from 'zod';
import { IsoDateSchema, NoSlugSchema, TextSchema } from '@/kinds/common';

/** How one project objective turned out. */
export const OutcomeSchema = z
	.object({
		/** The objective, as written in client.yaml's `project.objectives`. */
		objective: TextSchema,
		/** What was achieved, with figures where there are any. */
		result: TextSchema,
		/** Whether it was met. */
		met: z.enum(['met', 'partly', 'missed']),
	})
	.strict();

/** Frontmatter of `content/<client>/closeout.mdx`; shown on the overview once the client's `status` is closed. */
export const CloseoutSchema = z
	.object({
		/** When the project closed. */
		date: IsoDateSchema,
		/** Outcomes against the project's objectives. */
		outcomes: z.array(OutcomeSchema).min(1, 'expected at least one outcome'),
		/** What went well. */
		wentWell: z.array(TextSchema).default([]),
		/** Lessons for next time. */
		lessons: z.array(TextSchema).default([]),
		/** What is still open at close, and who owns it. */
		openItems: z
			.array(
				z
					.object({
						/** What is still to be done. */
						text: TextSchema,
						/** Who does it. */
						owner: TextSchema,
						/** When it is due. */
						due: IsoDateSchema.optional(),
					})
					.strict(),
			)
			.default([]),
		/** Who to contact after the project, and until when. */
		support: z
			.object({
				/** Names of team members from client.yaml. */
				contacts: z.array(TextSchema).min(1, 'expected at least one support contact'),
				/** How to reach support, e.g. "support@… within 2 working days". */
				how: TextSchema.optional(),
				/** Last day of the warranty or support period. */
				until: IsoDateSchema.optional(),
			})
			.strict()
			.optional(),
		slug: NoSlugSchema,
	})
	.strict();

export type Closeout = z.infer<typeof CloseoutSchema>;
export type Outcome = z.infer<typeof OutcomeSchema>;
