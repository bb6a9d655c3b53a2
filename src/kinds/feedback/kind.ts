import { defineKind, MARKDOWN } from '@/kinds/kind';
import { numbered } from '@/kinds/file-name';
import { compareFeedback } from './compare-feedback';
import { FeedbackObjectSchema, FeedbackSchema, feedbackRules } from './schema';

/** `feedback/0003-short-summary.mdx`: one piece of the client's feedback and our response. */
export const feedbackKind = defineKind({
	name: 'feedback',
	where: { folder: 'feedback' },
	format: MARKDOWN,
	schema: FeedbackSchema,
	salvage: { object: FeedbackObjectSchema, rules: feedbackRules },
	fileName: numbered('number', '0003-short-summary.mdx'),
	// Open items first, longest waiting first; then the most recently answered.
	order: (a, b) => compareFeedback(a.data, b.data),
	search: { label: 'type.feedback' },
});
