import { defineKind, MARKDOWN } from '@/kinds/kind';
import { numbered } from '@/kinds/file-name';
import { DecisionSchema } from './schema';

/** `decisions/0007-short-title.mdx`: a decision record. */
export const decisionKind = defineKind({
	name: 'decision',
	where: { folder: 'decisions' },
	format: MARKDOWN,
	schema: DecisionSchema,
	fileName: numbered('number', '0007-short-title.mdx'),
	// Lowest number first.
	order: (a, b) => a.data.number - b.data.number,
	search: { label: 'type.decision', explains: true },
});
