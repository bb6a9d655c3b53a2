import { z } from 'zod';
import { TextSchema } from '@/kinds/common';

/** `content/site.yaml`: settings for the whole site, shared by every client. */
export const SiteSchema = z
	.object({
		/** The agency or IT team publishing the sites; shown in footers and on locked pages. */
		agency: z
			.object({
				/** Display name, e.g. "Northwind Digital". */
				name: TextSchema,
				/** Public website of the agency. */
				url: z.string().url().optional(),
			})
			.strict(),
		/** Title of the neutral page at the site root. */
		title: TextSchema.default('Project status'),
		/**
		 * The agency's own jargon, by client language (`en`, `zh-CN`), added to the lists shipped with
		 * Glasshouse (src/kinds/glossary/jargon/): `check` warns when an update, decision or change
		 * request uses one that the client's glossary.yaml does not define.
		 */
		jargon: z
			.object({
				/** Words for clients whose `locale` is `en`, e.g. "war room". */
				en: z.array(TextSchema).default([]),
				/** Words for clients whose `locale` is `zh-CN`, e.g. "拉通". */
				'zh-CN': z.array(TextSchema).default([]),
			})
			.strict()
			.default({}),
	})
	.strict();

export type Site = z.infer<typeof SiteSchema>;
