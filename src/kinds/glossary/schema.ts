import { z } from 'zod';
import { TextSchema } from '@/kinds/common';

/** One entry of a client's glossary: a word the team uses, said plainly. */
export const GlossaryTermSchema = z
	.object({
		/** The word or phrase as the team writes it, e.g. "UAT" or "灰度发布"; marked where a page first uses it. */
		term: TextSchema,
		/** What it means, in plain words and in the client's language; one or two sentences that do not lean on the term itself. */
		definition: TextSchema,
		/** Other spellings or forms of the same term, e.g. "user acceptance testing"; marked and matched like the term. */
		aliases: z.array(TextSchema).default([]),
		/** Other terms of this glossary worth reading next, each as its `term` or one of its aliases (case does not matter). */
		seeAlso: z.array(TextSchema).default([]),
	})
	.strict();

/** `content/<client>/glossary.yaml`: the client's glossary, shown on its Glossary page and marked in page bodies. */
export const GlossarySchema = z
	.object({
		/** The terms, in any order: the Glossary page sorts them (alphabetically in English, by pinyin in Chinese). */
		terms: z.array(GlossaryTermSchema).min(1, 'expected at least one term, found none'),
	})
	.strict();

export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
export type Glossary = z.infer<typeof GlossarySchema>;

/** The names a term is found under in a text: the term first, then its aliases. */
export function namesOf(entry: Pick<GlossaryTerm, 'term' | 'aliases'>): string[] {
	return [entry.term, ...entry.aliases];
}
