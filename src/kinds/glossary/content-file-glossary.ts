import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { GlossarySchema, type GlossaryTerm } from './schema';

/** The terms of the client a content file belongs to, and which client that is. */
export interface ClientGlossary {
	/** The client folder's name, as in its pages' addresses. */
	client: string;
	terms: GlossaryTerm[];
}

const read = new Map<string, { modified: number; glossary: Promise<GlossaryTerm[] | undefined> }>();

/**
 * The glossary of the client a content file belongs to, for the Markdown plugin that marks terms.
 * A file sits at `<client>/<file>` (closeout.mdx) or `<client>/<folder>/<file>`: the folder holding
 * client.yaml is the client's. None when there is no glossary.yaml, or it does not pass its schema
 * (`check`, which runs before every build, reports why). Read again when the file changes, so the
 * dev server follows edits.
 */
export async function contentFileGlossary(filePath: string | undefined): Promise<ClientGlossary | undefined> {
	if (!filePath) return undefined;
	const folder = path.dirname(filePath);
	for (const dir of [folder, path.dirname(folder)]) {
		if (!(await stat(path.join(dir, 'client.yaml')).catch(() => undefined))) continue;
		const terms = await glossaryIn(path.join(dir, 'glossary.yaml'));
		return terms ? { client: path.basename(dir), terms } : undefined;
	}
	return undefined;
}

async function glossaryIn(file: string): Promise<GlossaryTerm[] | undefined> {
	const modified = (await stat(file).catch(() => undefined))?.mtimeMs;
	if (modified === undefined) return undefined;
	const known = read.get(file);
	if (known?.modified === modified) return known.glossary;
	const glossary = readFile(file, 'utf8').then(
		(text) => {
			const result = GlossarySchema.safeParse(parseYaml(text));
			return result.success ? result.data.terms : undefined;
		},
		() => undefined,
	);
	read.set(file, { modified, glossary });
	return glossary;
}
