import { z } from 'zod';
import { HealthSchema, IsoDateSchema, NoSlugSchema, SlugSchema, TextSchema } from '@/kinds/common';
import { LevelSchema } from '@/kinds/level';

/** Something the vendor needs from the client to keep the project moving. */
export const NeedSchema = z
	.object({
		/** What is needed, phrased as a request. */
		text: TextSchema,
		/** Who on the client side is asked to do it. */
		owner: TextSchema,
		/** When it is needed by. */
		due: IsoDateSchema.optional(),
		/** Set once the client has delivered it. */
		done: z.boolean().default(false),
	})
	.strict();

/** A risk or issue reported in an update, with what is being done about it. */
const UpdateRiskSchema = z
	.object({
		/** The risk or issue in one line. */
		title: TextSchema,
		/** How much it would hurt the project. */
		level: LevelSchema,
		/** What is being done about it. */
		mitigation: TextSchema,
		/** Who is on it. */
		owner: TextSchema.optional(),
	})
	.strict();

export const DIMENSIONS = ['schedule', 'scope', 'budget', 'quality'] as const;

/** Health per dimension; any dimension may be left out. */
const DimensionsSchema = z
	.object({
		/** Is the plan's timing holding? */
		schedule: HealthSchema.optional(),
		/** Is what is delivered what was agreed? */
		scope: HealthSchema.optional(),
		/** Is the cost within what was agreed? */
		budget: HealthSchema.optional(),
		/** Is the work good enough to accept? */
		quality: HealthSchema.optional(),
	})
	.strict();

/** Frontmatter of `content/<client>/updates/<YYYY-MM-DD>.mdx`, one status report per period. */
export const UpdateObjectSchema = z
	.object({
		/** The reporting date; must match the file name. */
		date: IsoDateSchema,
		/** Optional headline; defaults to "Status update" and the date. */
		title: TextSchema.optional(),
		/** Overall health: on-track (green), at-risk (amber) or off-track (red). */
		health: HealthSchema,
		/** One sentence why; required unless on-track. */
		healthReason: TextSchema.optional(),
		/** Health per dimension (schedule, scope, budget, quality). */
		dimensions: DimensionsSchema.optional(),
		/** Two or three plain-language sentences for executives. */
		summary: TextSchema.max(600, 'expected a short summary (600 characters at most)'),
		/** Overall completion in percent. */
		progress: z.number().int().min(0).max(100).optional(),
		/**
		 * Risks and issues shown as the "Risks and issues" section: the id of an entry of the risk
		 * register (`risks/<id>.yaml`), or a one-off risk written out in place.
		 */
		risks: z.array(z.union([SlugSchema, UpdateRiskSchema])).default([]),
		/** Items the client needs to act on; shown as the "Needs from you" section. */
		needs: z.array(NeedSchema).default([]),
		/** Numbers of decisions this update refers to. */
		decisions: z.array(z.number().int().positive()).default([]),
		/** Ids of milestones this update refers to. */
		milestones: z.array(SlugSchema).default([]),
		slug: NoSlugSchema,
	})
	.strict();

/** Rules across fields; written for partial data so the checker can apply them to a file with other errors. */
export function updateRules(update: Partial<z.infer<typeof UpdateObjectSchema>>, ctx: z.RefinementCtx): void {
	if (update.health && update.health !== 'on-track' && !update.healthReason) {
		ctx.addIssue({
			code: 'custom',
			path: ['healthReason'],
			message: `expected one sentence explaining why the project is ${update.health}, found nothing`,
		});
	}
}

export const UpdateSchema = UpdateObjectSchema.superRefine(updateRules);

export type UpdateInput = z.input<typeof UpdateSchema>;
export type Update = z.infer<typeof UpdateSchema>;
/** An item of an update's `risks`: a register id or a risk written out in place. */
export type UpdateRiskItem = Update['risks'][number];
export type Need = z.infer<typeof NeedSchema>;
