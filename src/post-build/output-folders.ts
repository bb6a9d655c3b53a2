import { readdir } from 'node:fs/promises';
import { GATE_FOLDER } from '@/encrypt/bundle-runtime';

/**
 * Top-level folders of the output that belong to no client: Astro's shared scripts, styles and
 * images (`build.assets`), and the unlock runtime. Everything else must be a client's folder.
 */
const SITE_WIDE_FOLDERS: readonly string[] = ['_astro', GATE_FOLDER];

/** The folder of Astro's `.astro/` that shows up in an output folder outside the working directory. */
export const ASTRO_FOLDER_COPY = 'collections';

/**
 * Fails closed on any top-level folder of the output that is neither site-wide nor the folder of
 * a client of `clients` (the valid clients of the content the build decided privacy from, `validClients`).
 * Encryption then covers every private client it knows; a folder it does not know (a client added
 * or made invalid while Astro rendered, or a folder copied from public/) would otherwise be
 * published as it is, in clear.
 */
export async function checkOutputFolders(outDir: string, clients: readonly string[], alsoAllowed: readonly string[] = []): Promise<void> {
	const known = new Set(clients);
	const entries = await readdir(outDir, { withFileTypes: true });
	const unknown = entries
		.filter(
			(entry) =>
				entry.isDirectory() && !SITE_WIDE_FOLDERS.includes(entry.name) && !alsoAllowed.includes(entry.name) && !known.has(entry.name),
		)
		.map((entry) => entry.name);
	if (unknown.length === 0) return;
	// Astro builds into <working directory>/.astro/ when the output folder lies outside the working
	// directory, then copies all of .astro/ (collection schemas, a list of content file paths) over.
	const astroCopy = unknown.includes(ASTRO_FOLDER_COPY)
		? " (collections/ is Astro's .astro/ folder, copied over because the output folder is outside the working directory: build into a folder inside the project, as `glasshouse build` does)"
		: '';
	throw new Error(
		`The built site has ${unknown.length === 1 ? 'a folder' : 'folders'} that belong${unknown.length === 1 ? 's' : ''} to no client of the checked content: ${unknown.map((name) => `${name}/`).join(', ')}${astroCopy}. ` +
			'Only a client folder with a valid client.yaml at the start of the build can be encrypted or published, so nothing was published. ' +
			'If a client folder or its client.yaml was added or changed while the build ran, build again; if it comes from public/, remove it there (files at the top of public/ are fine).',
	);
}
