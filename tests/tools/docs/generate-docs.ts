/**
 * Regenerates the parts of the docs that are made from the code: the field tables of
 * docs/authoring.md (from the schemas and their JSDoc) and the command usage in docs/cli.md (from
 * the CLI's --help). tests/unit/docs.test.ts runs the same functions and fails when a file is out
 * of date.
 *
 *   npm run docs:generate
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cliHelpMarkdown } from './cli-help';
import { kindTables } from './field-tables';
import { fillBlocks } from './generated-blocks';

export const ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));

/** A docs file as it should be, given its current text (prose is kept, generated blocks are rewritten). */
export interface GeneratedDoc {
	file: string;
	render(current: string): Promise<string>;
}

export const GENERATED_DOCS: GeneratedDoc[] = [
	{
		file: 'docs/authoring.md',
		async render(current) {
			const tables = await kindTables(path.join(ROOT, 'src'));
			return fillBlocks(current, 'docs/authoring.md', new Map(tables.map(({ kind, markdown }) => [`fields ${kind}`, markdown])));
		},
	},
	{
		file: 'docs/cli.md',
		async render(current) {
			return fillBlocks(current, 'docs/cli.md', new Map([['cli help', await cliHelpMarkdown()]]));
		},
	},
];

async function generate(): Promise<void> {
	for (const doc of GENERATED_DOCS) {
		const file = path.join(ROOT, doc.file);
		const current = await readFile(file, 'utf8');
		const next = await doc.render(current);
		if (next === current) {
			console.log(`${doc.file}: up to date`);
			continue;
		}
		await writeFile(file, next);
		console.log(`${doc.file}: regenerated`);
	}
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
	try {
		await generate();
	} catch (error) {
		console.error(`✗ ${(error as Error).message}`);
		process.exitCode = 1;
	}
	// The CLI's modules (loaded for its --help) may hold handles open; nothing else is pending.
	process.exit();
}
