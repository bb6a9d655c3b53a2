import { z } from 'zod';
import { NoSlugSchema, TagsSchema, TextSchema } from '@/kinds/common';

/** Frontmatter of `content/<client>/faq/*.md`; the body is the answer. */
export const FaqSchema = z
	.object({
		/** The question as a client would ask it. */
		question: TextSchema,
		/** Position in the list, lowest first. */
		order: z.number().int().default(100),
		/** Labels for filtering. */
		tags: TagsSchema,
		slug: NoSlugSchema,
	})
	.strict();
