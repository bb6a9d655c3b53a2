import { defineKind, YAML } from '@/kinds/kind';
import { SiteSchema } from './schema';

/** `content/site.yaml`: the agency and the root page, shared by every client. */
export const siteKind = defineKind({
	name: 'site',
	where: { topFile: 'site' },
	// Only site.yaml: the build and the scaffolds look for that one name.
	format: { ...YAML, extensions: ['.yaml'] },
	schema: SiteSchema,
});
