import { z } from 'zod';
import { IsoDateSchema, SlugSchema, TagsSchema, TextSchema } from '@/kinds/common';
import { LevelSchema } from '@/kinds/level';

export const RISK_STATUSES = ['open', 'mitigating', 'closed', 'occurred'] as const;

/** `content/<client>/risks/<id>.yaml`, one entry of the risk register per file. */
export const RiskObjectSchema = z
	.object({
		/**
		 * Stable id used by updates' `risks` lists; must match the file name. It is also the risk's page
		 * address (`/<client>/risks/<id>/`), which is not encrypted: keep it neutral (`data-migration`, `r7`).
		 */
		id: SlugSchema,
		/** The risk in one line, phrased as what could happen. */
		title: TextSchema,
		/** Optional background: cause, trigger, what it would affect. */
		description: TextSchema.optional(),
		/** How likely it is to happen. */
		likelihood: LevelSchema,
		/** How much it would hurt if it happened; severity is derived from likelihood × impact. */
		impact: LevelSchema,
		/** Who watches it and acts on it. */
		owner: TextSchema,
		/** open, mitigating (actions under way), closed (no longer a threat) or occurred (became an issue). */
		status: z.enum(RISK_STATUSES),
		/** What is being done to make it less likely or less harmful. */
		mitigation: TextSchema,
		/** What happens if it occurs anyway. */
		contingency: TextSchema.optional(),
		/** When it was first recorded. */
		raised: IsoDateSchema,
		/** When it was last reviewed; `check` warns when an open risk goes unreviewed too long. */
		reviewed: IsoDateSchema.optional(),
		/** Labels for filtering. */
		tags: TagsSchema,
	})
	.strict();

/** Rules across fields; written for partial data so the checker can apply them to a file with other errors. */
export function riskRules(risk: Partial<z.infer<typeof RiskObjectSchema>>, ctx: z.RefinementCtx): void {
	if (risk.raised && risk.reviewed && risk.reviewed < risk.raised) {
		ctx.addIssue({
			code: 'custom',
			path: ['reviewed'],
			message: `expected a date on or after raised (${risk.raised}), found ${risk.reviewed}`,
		});
	}
}

export const RiskSchema = RiskObjectSchema.superRefine(riskRules);

export type RiskInput = z.input<typeof RiskSchema>;
export type Risk = z.infer<typeof RiskSchema>;
export type RiskStatus = (typeof RISK_STATUSES)[number];
