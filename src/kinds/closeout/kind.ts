import { defineKind, MARKDOWN } from '@/kinds/kind';
import { CloseoutSchema } from './schema';

/** `closeout.mdx` next to client.yaml: the close-out summary, shown once the client is closed. */
export const closeoutKind = defineKind({
	name: 'closeout',
	where: { file: 'closeout', collection: 'closeouts' },
	format: MARKDOWN,
	noun: 'close-out summary',
	schema: CloseoutSchema,
	search: { label: 'type.closeout' },
});
