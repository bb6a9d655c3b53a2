import { z } from 'zod';
import { IsoDateSchema, NoSlugSchema, SlugSchema, TextSchema } from '@/kinds/common';

/** received → acknowledged → in-progress → answered → closed, or declined (with a reason). */
export const FEEDBACK_STATUSES = ['received', 'acknowledged', 'in-progress', 'answered', 'closed', 'declined'] as const;
/** Statuses in which the client is still waiting for our answer. */
export const OPEN_FEEDBACK_STATUSES = ['received', 'acknowledged', 'in-progress'] as const;
/** How the feedback reached us. */
export const FEEDBACK_CHANNELS = ['meeting', 'email', 'call', 'survey', 'site'] as const;
/** What sort of feedback it is. */
export const FEEDBACK_KINDS = ['question', 'request', 'concern', 'complaint', 'praise'] as const;

export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];
export type FeedbackKindValue = (typeof FEEDBACK_KINDS)[number];

/** Whether the client still waits for our answer to an item in this status. */
export function isOpenFeedback(status: FeedbackStatus): boolean {
	return (OPEN_FEEDBACK_STATUSES as readonly string[]).includes(status);
}

/** Frontmatter of `content/<client>/feedback/<NNNN>-<slug>.mdx`; the body is our response. */
export const FeedbackObjectSchema = z
	.object({
		/** Sequential number, shown as #<number>; must match the file name's prefix. */
		number: z.number().int().positive(),
		/** The day the feedback reached us. */
		receivedOn: IsoDateSchema,
		/** Who gave it: a client-side team member's name exactly as in client.yaml's team, or a named outsider (then set `outsider`). */
		from: TextSchema,
		/** For someone outside client.yaml's team: who they are to the project, e.g. "Chair of the visitor panel". */
		outsider: TextSchema.optional(),
		/** How it reached us: meeting, email, call, survey or site (the site's "Ask about this"). */
		channel: z.enum(FEEDBACK_CHANNELS),
		/** What sort of feedback it is: question, request, concern, complaint or praise. */
		kind: z.enum(FEEDBACK_KINDS),
		/** What the client said, in one or two sentences, in their words where possible; the item's title. */
		summary: TextSchema,
		/** received → acknowledged → in-progress → answered → closed, or declined (with `reason`). */
		status: z.enum(FEEDBACK_STATUSES),
		/** The day we confirmed we had it and who would answer; required from acknowledged on. */
		acknowledgedOn: IsoDateSchema.optional(),
		/** The day we gave our answer (the body); required once answered, closed or declined. */
		answeredOn: IsoDateSchema.optional(),
		/** Why we declined, in a sentence the client can accept; required when declined, refused otherwise. */
		reason: TextSchema.optional(),
		/** Numbers of the decisions it led to. */
		decisions: z.array(z.number().int().positive()).default([]),
		/** Numbers of the change requests it led to. */
		changes: z.array(z.number().int().positive()).default([]),
		/** Ids of the risks it raised or touched (files in risks/). */
		risks: z.array(SlugSchema).default([]),
		/** Dates of the meetings where it was raised or answered (files in meetings/). */
		meetings: z.array(IsoDateSchema).default([]),
		slug: NoSlugSchema,
	})
	.strict();

type FeedbackFields = Partial<z.infer<typeof FeedbackObjectSchema>>;

/** Statuses from which each date is required; before them, the date is refused. */
const ACKNOWLEDGED_FROM: readonly FeedbackStatus[] = ['acknowledged', 'in-progress', 'answered', 'closed', 'declined'];
const ANSWERED_FROM: readonly FeedbackStatus[] = ['answered', 'closed', 'declined'];

/** Rules across fields; written for partial data so the checker can apply them to a file with other errors. */
export function feedbackRules(feedback: FeedbackFields, ctx: z.RefinementCtx): void {
	const issue = (path: Array<string | number>, message: string) => ctx.addIssue({ code: 'custom', path, message });
	const { status, receivedOn, acknowledgedOn, answeredOn } = feedback;
	if (status) {
		const needsAcknowledged = ACKNOWLEDGED_FROM.includes(status);
		const needsAnswered = ANSWERED_FROM.includes(status);
		if (needsAcknowledged && !acknowledgedOn)
			issue(
				['acknowledgedOn'],
				`expected the day we acknowledged it (acknowledgedOn: YYYY-MM-DD) for feedback that is ${status}, found nothing`,
			);
		if (!needsAcknowledged && acknowledgedOn)
			issue(
				['acknowledgedOn'],
				`expected no acknowledgedOn while the feedback is ${status}, found ${acknowledgedOn} (set status: acknowledged)`,
			);
		if (needsAnswered && !answeredOn)
			issue(['answeredOn'], `expected the day we answered (answeredOn: YYYY-MM-DD) for feedback that is ${status}, found nothing`);
		if (!needsAnswered && answeredOn)
			issue(['answeredOn'], `expected no answeredOn while the feedback is ${status}, found ${answeredOn} (set status: answered)`);
		if (status === 'declined' && !feedback.reason)
			issue(['reason'], 'expected why it was declined (reason: …) for declined feedback, found nothing');
		if (status !== 'declined' && feedback.reason)
			issue(['reason'], `expected no reason unless the feedback is declined, found one while it is ${status}`);
	}
	if (receivedOn && acknowledgedOn && acknowledgedOn < receivedOn)
		issue(['acknowledgedOn'], `expected a date on or after receivedOn (${receivedOn}), found ${acknowledgedOn}`);
	if (receivedOn && answeredOn && answeredOn < receivedOn)
		issue(['answeredOn'], `expected a date on or after receivedOn (${receivedOn}), found ${answeredOn}`);
	if (acknowledgedOn && answeredOn && acknowledgedOn > answeredOn)
		issue(['acknowledgedOn'], `expected a date on or before answeredOn (${answeredOn}), found ${acknowledgedOn}`);
}

export const FeedbackSchema = FeedbackObjectSchema.superRefine(feedbackRules);

export type FeedbackInput = z.input<typeof FeedbackSchema>;
export type Feedback = z.infer<typeof FeedbackSchema>;
