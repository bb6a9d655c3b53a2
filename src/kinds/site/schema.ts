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
	})
	.strict();

export type Site = z.infer<typeof SiteSchema>;
