import { z } from 'zod';
import { IsoDateSchema, NoSlugSchema, SlugSchema, TagsSchema, TextSchema } from '@/kinds/common';

export const CHANGE_STATUSES = ['requested', 'estimated', 'awaiting-client', 'approved', 'rejected', 'implemented'] as const;
/** Statuses in which the client has answered, so the approval record is required. */
const ANSWERED_CHANGE_STATUSES = ['approved', 'rejected', 'implemented'] as const;
/** Statuses that count towards the approved totals. */
export const APPROVED_CHANGE_STATUSES = ['approved', 'implemented'] as const;

/** What a change does to the plan. */
const ChangeImpactSchema = z
	.object({
		/** Days added to (positive) or saved from (negative) the schedule. */
		scheduleDays: z.number().int().default(0),
		/** Cost added (positive) or saved (negative), in the client's currency. */
		cost: z.number().default(0),
		/** Scope items the change adds or removes; compared with the scope lists in client.yaml. */
		scope: z
			.object({
				/** Items that become part of the project. */
				adds: z.array(TextSchema).default([]),
				/** Items that leave the project (each must be in scope at that point). */
				removes: z.array(TextSchema).default([]),
			})
			.strict()
			.default({}),
		/** One line of explanation, e.g. how the estimate was made. */
		note: TextSchema.optional(),
	})
	.strict();

/** The client's answer to a change request. */
const ChangeApprovalSchema = z
	.object({
		/** Who approved or rejected it, on the client side. */
		by: TextSchema,
		/** When. */
		on: IsoDateSchema,
		/** Conditions or reasons given with the answer. */
		note: TextSchema.optional(),
	})
	.strict();

/** Frontmatter of `content/<client>/changes/<NNNN>-<slug>.mdx`; the body describes the change. */
export const ChangeObjectSchema = z
	.object({
		/** Sequential number, shown as CR-<number>; must match the file name's prefix. */
		number: z.number().int().positive(),
		/** The change as a short statement. */
		title: TextSchema,
		/** Who asked for it. */
		requestedBy: TextSchema,
		/** When it was asked for. */
		requestedOn: IsoDateSchema,
		/** requested → estimated → awaiting-client → approved / rejected → implemented. */
		status: z.enum(CHANGE_STATUSES),
		/** Effect on schedule, cost and scope; required once estimated. */
		impact: ChangeImpactSchema.optional(),
		/** The client's answer; required once approved, rejected or implemented. */
		approval: ChangeApprovalSchema.optional(),
		/** Number of the decision that records it. */
		decision: z.number().int().positive().optional(),
		/** Ids of the milestones it affects. */
		milestones: z.array(SlugSchema).default([]),
		/** Labels for filtering. */
		tags: TagsSchema,
		slug: NoSlugSchema,
	})
	.strict();

/** Rules across fields; written for partial data so the checker can apply them to a file with other errors. */
export function changeRules(change: Partial<z.infer<typeof ChangeObjectSchema>>, ctx: z.RefinementCtx): void {
	const status = change.status;
	if (!status) return;
	const answered = (ANSWERED_CHANGE_STATUSES as readonly string[]).includes(status);
	if (answered && !change.approval) {
		ctx.addIssue({
			code: 'custom',
			path: ['approval'],
			message: `expected who answered and when (approval: { by, on }) for a change that is ${status}, found nothing`,
		});
	}
	if (!answered && change.approval) {
		ctx.addIssue({
			code: 'custom',
			path: ['approval'],
			message: `expected no approval while the change is ${status}, found one (set status to approved, rejected or implemented)`,
		});
	}
	if (status !== 'requested' && !change.impact) {
		ctx.addIssue({
			code: 'custom',
			path: ['impact'],
			message: `expected the estimated impact (scheduleDays, cost, scope) of a change that is ${status}, found nothing`,
		});
	}
	if (change.approval && change.requestedOn && change.approval.on < change.requestedOn) {
		ctx.addIssue({
			code: 'custom',
			path: ['approval', 'on'],
			message: `expected a date on or after requestedOn (${change.requestedOn}), found ${change.approval.on}`,
		});
	}
}

export const ChangeSchema = ChangeObjectSchema.superRefine(changeRules);

export type ChangeInput = z.input<typeof ChangeSchema>;
export type Change = z.infer<typeof ChangeSchema>;
export type ChangeStatus = (typeof CHANGE_STATUSES)[number];
