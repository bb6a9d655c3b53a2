import { z } from 'zod';
import { IsoDateSchema, NoSlugSchema, TagsSchema, TextSchema } from '@/kinds/common';

export const DECISION_STATUSES = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;

/** Frontmatter of `content/<client>/decisions/<NNNN>-<slug>.mdx`, a decision record (MADR style). */
export const DecisionSchema = z
	.object({
		/** Sequential number; must match the file name's prefix. */
		number: z.number().int().positive(),
		/** The decision as a short statement. */
		title: TextSchema,
		/** When the decision was taken (or proposed). */
		date: IsoDateSchema,
		/** Lifecycle state. "superseded" requires a later record that supersedes this one. */
		status: z.enum(DECISION_STATUSES),
		/** Who decided, per side. */
		deciders: z
			.object({
				/** Names of the deciders on the client side. */
				client: z.array(TextSchema).default([]),
				/** Names of the deciders on the vendor side. */
				vendor: z.array(TextSchema).default([]),
			})
			.strict(),
		/** People whose opinion was sought. */
		consulted: z.array(TextSchema).default([]),
		/** Number of the older decision this one replaces; "superseded by" is derived from it. */
		supersedes: z.number().int().positive().optional(),
		/** Labels for filtering. */
		tags: TagsSchema,
		/** Effect on the plan, if any. */
		impact: z
			.object({
				/** Days added to (positive) or saved from (negative) the schedule. */
				scheduleDays: z.number().int().optional(),
				/** Cost added (positive) or saved (negative), in the client's currency. */
				cost: z.number().optional(),
				/** One line of explanation. */
				note: TextSchema.optional(),
			})
			.strict()
			.optional(),
		slug: NoSlugSchema,
	})
	.strict();

export type Decision = z.infer<typeof DecisionSchema>;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
