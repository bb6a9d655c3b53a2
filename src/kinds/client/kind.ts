import { defineKind, YAML } from '@/kinds/kind';
import { ClientObjectSchema, ClientSchema, clientRules } from './schema';

/** `content/<client>/client.yaml`: who the client is and how the project runs; it makes a folder a client. */
export const clientKind = defineKind({
	name: 'client',
	where: { file: 'client', collection: 'clients' },
	// Only client.yaml: the CLI, the git history and the access checks look for that one name.
	format: { ...YAML, extensions: ['.yaml'] },
	schema: ClientSchema,
	salvage: { object: ClientObjectSchema, rules: clientRules },
});
