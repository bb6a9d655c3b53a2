import { defineKind, MARKDOWN } from '@/kinds/kind';
import { numbered } from '@/kinds/file-name';
import { ChangeObjectSchema, ChangeSchema, changeRules } from './schema';

/** `changes/0003-short-title.mdx`: a change request. */
export const changeKind = defineKind({
	name: 'change',
	where: { folder: 'changes' },
	format: MARKDOWN,
	schema: ChangeSchema,
	salvage: { object: ChangeObjectSchema, rules: changeRules },
	fileName: numbered('number', '0003-short-title.mdx'),
	// Lowest number first.
	order: (a, b) => a.data.number - b.data.number,
	search: { label: 'type.change' },
});
