import { defineKind, MARKDOWN } from '@/kinds/kind';
import { namedByDate } from '@/kinds/file-name';
import { UpdateObjectSchema, UpdateSchema, updateRules } from './schema';

/** `updates/2026-01-09.mdx`: one status report per period. */
export const updateKind = defineKind({
	name: 'update',
	where: { folder: 'updates' },
	format: MARKDOWN,
	schema: UpdateSchema,
	salvage: { object: UpdateObjectSchema, rules: updateRules },
	fileName: namedByDate('date'),
	// Newest first.
	order: (a, b) => b.data.date.localeCompare(a.data.date),
	search: { label: 'type.update' },
});
