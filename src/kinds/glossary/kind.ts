import { defineKind, YAML } from '@/kinds/kind';
import { GlossarySchema } from './schema';

/** `content/<client>/glossary.yaml` next to client.yaml: plain definitions of the words the team uses. */
export const glossaryKind = defineKind({
	name: 'glossary',
	where: { file: 'glossary', collection: 'glossaries' },
	// Only glossary.yaml: the Markdown plugin that marks terms reads that one name (see mark-terms.ts).
	format: { ...YAML, extensions: ['.yaml'] },
	noun: 'glossary',
	schema: GlossarySchema,
	search: { label: 'type.glossary' },
});
