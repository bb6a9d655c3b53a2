import { defineKind, MARKDOWN } from '@/kinds/kind';
import { FaqSchema } from './schema';

/** `faq/<any-name>.md`: a question, answered by the body. */
export const faqKind = defineKind({
	name: 'faq',
	where: { folder: 'faq' },
	format: MARKDOWN,
	schema: FaqSchema,
	// By `order`, then question.
	order: (a, b) => a.data.order - b.data.order || a.data.question.localeCompare(b.data.question),
	search: { label: 'type.faq', explains: true },
});
