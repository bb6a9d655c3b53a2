import { defineKind, YAML } from '@/kinds/kind';
import { namedById } from '@/kinds/file-name';
import { DocumentObjectSchema, DocumentSchema, documentRules } from './schema';

/** `documents/<id>.yaml`: one document or training session, its attachments next to it. */
export const documentKind = defineKind({
	name: 'document',
	where: { folder: 'documents' },
	format: YAML,
	schema: DocumentSchema,
	salvage: { object: DocumentObjectSchema, rules: documentRules },
	fileName: namedById('id'),
	// Newest first, then by title.
	order: (a, b) => b.data.date.localeCompare(a.data.date) || a.data.title.localeCompare(b.data.title),
	search: { label: 'type.document' },
	attachments: true,
});
