import { z } from 'zod';
import { IsoDateSchema, SlugSchema, TextSchema } from '@/kinds/common';

export const MILESTONE_STATUSES = ['planned', 'in-progress', 'done', 'at-risk', 'late', 'cancelled'] as const;

/** `content/<client>/milestones/<id>.yaml`, one milestone per file. */
export const MilestoneObjectSchema = z
	.object({
		/** Stable id used by references; must match the file name. */
		id: SlugSchema,
		/** What is reached, e.g. "Content migration complete". */
		title: TextSchema,
		/** Phase the milestone belongs to; groups bars in the timeline. */
		phase: TextSchema.optional(),
		/** Planned start of the work towards it. */
		start: IsoDateSchema,
		/** Planned due date. */
		due: IsoDateSchema,
		/** Current forecast when it has slipped from the plan. */
		forecast: IsoDateSchema.optional(),
		/** When it was actually completed; required once done. */
		completed: IsoDateSchema.optional(),
		/** Current state. */
		status: z.enum(MILESTONE_STATUSES),
		/** Who is accountable for it. */
		owner: TextSchema,
		/** Ids of milestones that must finish first. */
		dependsOn: z.array(SlugSchema).default([]),
		/** What is handed over. */
		deliverables: z.array(TextSchema).default([]),
		/** The client's formal acceptance. */
		acceptance: z
			.object({
				/** Date of acceptance. */
				on: IsoDateSchema,
				/** Who accepted, on the client side. */
				by: TextSchema,
			})
			.strict()
			.optional(),
	})
	.strict();

/** Rules across fields; written for partial data so the checker can apply them to a file with other errors. */
export function milestoneRules(milestone: Partial<z.infer<typeof MilestoneObjectSchema>>, ctx: z.RefinementCtx): void {
	if (milestone.start && milestone.due && milestone.due < milestone.start) {
		ctx.addIssue({
			code: 'custom',
			path: ['due'],
			message: `expected a date on or after start (${milestone.start}), found ${milestone.due}`,
		});
	}
	if (milestone.status === 'done' && !milestone.completed) {
		ctx.addIssue({ code: 'custom', path: ['completed'], message: 'expected the completion date of a done milestone, found nothing' });
	}
	if (milestone.completed && milestone.status && milestone.status !== 'done') {
		ctx.addIssue({ code: 'custom', path: ['status'], message: `expected "done" because completed is set, found "${milestone.status}"` });
	}
	if (milestone.acceptance && !milestone.completed) {
		ctx.addIssue({
			code: 'custom',
			path: ['acceptance'],
			message: 'expected a completed milestone before client acceptance, found no completion date',
		});
	}
}

export const MilestoneSchema = MilestoneObjectSchema.superRefine(milestoneRules);

export type MilestoneInput = z.input<typeof MilestoneSchema>;
export type Milestone = z.infer<typeof MilestoneSchema>;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
