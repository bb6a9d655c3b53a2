import { z } from 'zod';
import { IsoDateSchema, TextSchema } from '@/kinds/common';
import { LOCALES } from '@/i18n/locales';
import { WEEKDAYS } from '@/lib/calendar';
import { SideSchema } from '@/kinds/side';
import { AccessEntrySchema } from './access';

/** One person on the project team, on either side. */
export const ContactSchema = z
	.object({
		/** Full name as the client knows them. */
		name: TextSchema,
		/** Role on this project, e.g. "Project manager". */
		role: TextSchema,
		/** Which organisation they belong to. */
		side: SideSchema,
		/** Work email address. */
		email: z.string().email('expected an email address'),
		/** Optional phone number, written as it should be dialled. */
		phone: z.string().trim().min(3).optional(),
		/** The vendor-side person questions go to; exactly one vendor contact should be primary. */
		primary: z.boolean().default(false),
	})
	.strict();

/** How often a status update is published. */
export const CadenceSchema = z
	.object({
		/** Period between updates. */
		every: z.enum(['week', 'two-weeks', 'month']).default('week'),
		/** Day of the week the update is due. */
		day: z.enum(WEEKDAYS).default('friday'),
	})
	.strict();

/** How both sides stay in touch. */
const CommunicationSchema = z
	.object({
		/** When a new status update is due. */
		cadence: CadenceSchema.default({}),
		/** Recurring meetings, e.g. "Weekly status call" / "Tuesdays 10:00, 30 min". */
		meetings: z
			.array(
				z
					.object({
						/** What the meeting is called, e.g. "Weekly status call". */
						name: TextSchema,
						/** When it takes place and for how long, e.g. "Tuesdays 10:00, 30 min". */
						rhythm: TextSchema,
					})
					.strict(),
			)
			.default([]),
		/** Channels for day-to-day contact, e.g. "Slack" / "#acme-replatform". */
		channels: z
			.array(
				z
					.object({
						/** The channel, e.g. "Slack". */
						name: TextSchema,
						/** Where or how to reach the team on it, e.g. "#acme-replatform". */
						detail: TextSchema,
					})
					.strict(),
			)
			.default([]),
		/** Who to go to when something is stuck, in order. */
		escalation: z
			.array(
				z
					.object({
						/** Who is contacted at this step (name and role). */
						who: TextSchema,
						/** When this step applies, e.g. "blocked for more than 2 working days". */
						when: TextSchema,
					})
					.strict(),
			)
			.default([]),
	})
	.strict();

/** Response-time targets for the client's feedback, in working days (Monday to Friday) from its receipt. */
const FeedbackTargetsSchema = z
	.object({
		/** Working days within which feedback is acknowledged. */
		acknowledgeWithin: z.number().int().min(0).max(60).default(2),
		/** Working days within which feedback is answered (or declined with a reason). */
		answerWithin: z.number().int().min(0).max(120).default(10),
	})
	.strict();

/** What the project delivers and what it explicitly does not. */
const ScopeSchema = z
	.object({
		/** Items in scope. */
		in: z.array(TextSchema).default([]),
		/** Items explicitly out of scope. */
		out: z.array(TextSchema).default([]),
	})
	.strict();

/** `content/<client>/client.yaml`: who the client is and how the project runs (fields only). */
export const ClientObjectSchema = z
	.object({
		/** Client organisation's display name. */
		name: TextSchema,
		/** The project this site reports on. */
		project: z
			.object({
				/** Project name shown in the header. */
				name: TextSchema,
				/** One paragraph: what the project is for. */
				summary: TextSchema,
				/** What the project must achieve; the close-out reports an outcome against each. */
				objectives: z.array(TextSchema).default([]),
			})
			.strict(),
		/** Language of the site's interface and dates. */
		locale: z.enum(LOCALES).default('en'),
		/** ISO 4217 currency code for cost figures. */
		currency: z
			.string()
			.regex(/^[A-Z]{3}$/, 'expected a 3-letter currency code like "EUR"')
			.default('EUR'),
		/** Project start date. */
		start: IsoDateSchema,
		/** Planned end date. */
		plannedEnd: IsoDateSchema,
		/** Team contacts on both sides. */
		team: z.array(ContactSchema).min(1, 'expected at least one contact'),
		/** Cadence, meetings, channels and escalation path. */
		communication: CommunicationSchema.default({}),
		/** In- and out-of-scope lists. */
		scope: ScopeSchema.default({}),
		/**
		 * Accent colour for the client's site, as `#rrggbb`. Too light to read as text on white (under 4.5:1)
		 * and `check` warns; the site then keeps it for bars and borders and uses a darker shade of it for links.
		 */
		accent: z
			.string()
			.regex(/^#[0-9a-fA-F]{6}$/, 'expected a colour like "#0f766e"')
			.optional(),
		/** Logo file next to client.yaml (SVG or PNG, up to 100 kB), inlined into the pages. */
		logo: z
			.string()
			.regex(/^[\w.-]+\.(svg|png)$/, 'expected a file name like "logo.svg" next to client.yaml')
			.optional(),
		/** Who may open the site: password and personal-link entries, each its own key slot. */
		access: z.array(AccessEntrySchema).default([]),
		/** Publish this client's site unencrypted. Every client is private unless this says otherwise. */
		public: z.boolean().default(false),
		/** active while work goes on; closed shows the close-out summary (closeout.mdx) on the overview. */
		status: z.enum(['active', 'closed']).default('active'),
		/** How fast feedback (feedback/) is acknowledged and answered; `check` warns about open items past either. */
		feedbackTargets: FeedbackTargetsSchema.default({}),
		/** Days after which `check` warns about an open risk that has not been reviewed. */
		riskReviewDays: z.number().int().min(1).max(365).default(30),
		/** Days a "remembered" device stays unlocked (0 disables remembering). */
		rememberDays: z.number().int().min(0).max(365).default(30),
	})
	.strict();

/** Rules across fields; written for partial data so the checker can apply them to a file with other errors. */
export function clientRules(client: Partial<z.infer<typeof ClientObjectSchema>>, ctx: z.RefinementCtx): void {
	const seen = new Set<string>();
	client.access?.forEach((entry, index) => {
		if (seen.has(entry.id))
			ctx.addIssue({
				code: 'custom',
				path: ['access', index, 'id'],
				message: `expected an id not used by another access entry, found "${entry.id}" twice`,
			});
		seen.add(entry.id);
	});
	if (client.public === false && client.access && !client.access.some((entry) => !entry.revoked)) {
		ctx.addIssue({
			code: 'custom',
			path: ['access'],
			message:
				'expected at least one access entry that is not revoked (a private site nobody can open), found none; add one or set "public: true"',
		});
	}
	const targets = client.feedbackTargets;
	if (targets && targets.answerWithin < targets.acknowledgeWithin) {
		ctx.addIssue({
			code: 'custom',
			path: ['feedbackTargets', 'answerWithin'],
			message: `expected at least acknowledgeWithin (${targets.acknowledgeWithin} working days), found ${targets.answerWithin}`,
		});
	}
	if (client.start && client.plannedEnd && client.plannedEnd < client.start) {
		ctx.addIssue({
			code: 'custom',
			path: ['plannedEnd'],
			message: `expected a date on or after start (${client.start}), found ${client.plannedEnd}`,
		});
	}
}

/** `content/<client>/client.yaml`: who the client is and how the project runs. */
export const ClientSchema = ClientObjectSchema.superRefine(clientRules);

export type ClientInput = z.input<typeof ClientSchema>;
export type Client = z.infer<typeof ClientSchema>;
export type Contact = z.infer<typeof ContactSchema>;
export type Cadence = z.infer<typeof CadenceSchema>;
