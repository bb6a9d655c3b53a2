import { constants, existsSync, statSync } from 'node:fs';
import { copyFile, readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { DECISION_STATUSES, type DecisionStatus } from '@/kinds/decision/schema';
import { planImport, recordOrder, type PlannedDecision, type RecordFile } from '@/import/adr/plan-import';
import { renderImported } from '@/import/adr/render-imported';
import { problemsOfNewFile, describeProblems } from '@/scaffold/validate-new-file';
import { writeNewFile } from '@/scaffold/write-new-file';
import { display, requireClient } from '@/cli/client-lookup';
import { UsageError, UserError, type Output } from '@/cli/output';
import { nextNumber, requireDateOption } from './new-shared';

export const importAdrHelp = `Usage: glasshouse import adr <client> <file|folder>… [--dry-run] [--date YYYY-MM-DD] [--status S] [--content DIR]

Turns existing architecture decision records into decisions of a client: MADR 2.x–4.x (with
or without YAML front matter), Nygard / adr-tools ("## Status" sections, "Superseded by"
lines) and log4brains. A folder means every .md file directly in it, except README, index
and template files.

Each record becomes decisions/NNNN-<slug>.md, numbered after the client's decisions: the paths in the order
given, a folder's records in the order of their own numbers or dates. The import maps the title, status (draft →
proposed, approved → accepted, …), date, deciders (as vendor-side deciders), consulted, tags
and supersession between the imported records; it drops the record's own H1, front matter
and metadata lines, points links between the records at their decision pages (../13/), and
copies local images beside the decisions (a private client's remote images become links, as
its site blocks images from other sites). Everything it could not map is listed per file
and line. Plain Markdown (.md) is written, so the records' <https://…> links, {braces} and
comments need no escaping.

Files are written at once (the import is undone by deleting them); nothing is ever
overwritten, and if any file would be invalid nothing is written at all.

  --dry-run   print what would be written and what could not be mapped; write nothing
  --date      the date of records that have none (default: today)
  --status    the status of records that have none (default: accepted)

Then run "glasshouse check".`;

interface ImportAdrOptions {
	client?: string;
	paths?: string[];
	content?: string;
	date?: string;
	status?: string;
	dryRun?: boolean;
}

/** Names in a records folder that are not records. */
const NOT_RECORDS = /^(?:readme|index|template|adr-template.*|.*-template)\.md$/i;

export async function runImportAdr(options: ImportAdrOptions, output: Output, context: BuildContext): Promise<number> {
	requireDateOption('--date', options.date);
	if (options.status !== undefined && !(DECISION_STATUSES as readonly string[]).includes(options.status))
		throw new UsageError(`--status: expected one of ${DECISION_STATUSES.join(', ')}, found "${options.status}".`);
	if (!options.client) throw new UsageError('Name a client and the records to import, e.g. glasshouse import adr acme docs/adr.');
	if (!options.paths?.length)
		throw new UsageError(`Name the records to import (files or folders), e.g. glasshouse import adr ${options.client} docs/adr.`);
	const { client, settings, folder } = await requireClient(options.content ?? context.contentDir, options.client, output);
	const { records, skipped } = await collectRecords(options.paths);
	if (records.length === 0)
		throw new UserError(
			`No decision records found in ${options.paths.join(', ')}: expected .md files (README, index and template files are skipped).`,
		);

	const decisionsDir = path.join(folder, 'decisions');
	const taken = new Set(await readdir(decisionsDir).catch(() => [] as string[]));
	const planned = planImport({
		records,
		firstNumber: await nextNumber(
			decisionsDir,
			client.decisions.map((decision) => decision.value.number),
		),
		defaultDate: options.date ?? context.today,
		defaultStatus: (options.status as DecisionStatus | undefined) ?? 'accepted',
		takenNames: taken,
		privateClient: settings.public !== true,
		isFile: (file) => existsSync(file) && statSync(file).isFile(),
	});

	const files = planned.map((decision) => ({
		decision,
		target: path.join(decisionsDir, decision.fileName),
		text: renderImported(decision, display(decision.source), settings.locale),
	}));
	const problems = (await Promise.all(files.map(({ target, text }) => problemsOfNewFile('decision', display(target), text)))).flat();
	if (problems.length)
		throw new UserError(
			`The imported decisions would not pass \`glasshouse check\`, so nothing was written:\n${describeProblems(problems)}`,
		);
	const clash = files.find(({ target }) => taken.has(path.basename(target)));
	if (clash) throw new UserError(`${display(clash.target)} already exists; nothing was written or overwritten.`);

	if (!options.dryRun) {
		for (const { target, text } of files) await writeNewFile(target, text);
		for (const { decision } of files)
			for (const [from, name] of decision.images) await copyFile(from, path.join(decisionsDir, name), constants.COPYFILE_EXCL);
	}
	report(output, planned, skipped, { client: client.slug, dir: display(decisionsDir), dryRun: options.dryRun === true });
	return 0;
}

/** The record files named on the command line: files as given, folders' .md files (not recursive). */
async function collectRecords(paths: string[]): Promise<{ records: RecordFile[]; skipped: string[] }> {
	const records: RecordFile[] = [];
	const skipped: string[] = [];
	for (const given of paths) {
		const absolute = path.resolve(given);
		const info = await stat(absolute).catch(() => undefined);
		if (!info) throw new UserError(`${given}: no such file or folder. Name decision record files (.md) or the folder that holds them.`);
		const files = info.isDirectory()
			? (await readdir(absolute))
					.filter((name) => /\.md$/i.test(name))
					.sort(recordOrder)
					.filter((name) => !NOT_RECORDS.test(name) || (skipped.push(display(path.join(absolute, name))), false))
					.map((name) => path.join(absolute, name))
			: [absolute];
		for (const file of files) {
			if (!/\.(?:md|markdown)$/i.test(file))
				throw new UserError(
					`${given}: expected a Markdown decision record (.md), found a ${path.extname(file) || 'file without extension'}.`,
				);
			if (records.some((record) => record.file === file)) continue;
			const bytes = await readFile(file);
			const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
			if (text.includes('\uFFFD') || bytes.includes(0))
				throw new UserError(
					`${display(file)}: expected a UTF-8 text file, found bytes that are not UTF-8 text; save it as UTF-8 and run the import again.`,
				);
			records.push({ file, text });
		}
	}
	return { records, skipped };
}

function report(
	output: Output,
	planned: PlannedDecision[],
	skipped: string[],
	where: { client: string; dir: string; dryRun: boolean },
): void {
	const first = planned[0]!.number;
	const last = planned.at(-1)!.number;
	const range = first === last ? `decision ${first}` : `decisions ${first}–${last}`;
	output.info(
		where.dryRun
			? `Dry run: would import ${planned.length} record${planned.length === 1 ? '' : 's'} into ${where.client} as ${range} (${where.dir}/); nothing was written.`
			: `Imported ${planned.length} record${planned.length === 1 ? '' : 's'} into ${where.client} as ${range} (${where.dir}/).`,
	);
	for (const decision of planned) {
		const extras = [
			decision.supersedes !== undefined ? `supersedes ${decision.supersedes}` : '',
			decision.images.size ? `${decision.images.size} image${decision.images.size === 1 ? '' : 's'}` : '',
		].filter(Boolean);
		output.info(
			`  ${decision.fileName}  ← ${display(decision.source)} (${decision.format}; ${decision.status}, ${decision.date}${extras.length ? `; ${extras.join(', ')}` : ''})`,
		);
	}
	if (skipped.length) output.info(`Skipped (not records): ${skipped.join(', ')}`);
	const notes = planned.flatMap((decision) => decision.notes.map((note) => `  ${display(decision.source)}:${note.line}  ${note.message}`));
	if (notes.length) {
		output.info(`\nNot mapped or changed (${notes.length}):`);
		for (const note of notes) output.info(note);
	} else output.info('\nEverything was mapped.');
	output.info(
		where.dryRun
			? '\nRun again without --dry-run to write the files.'
			: '\nNext: run `glasshouse check`, then review the deciders (all listed as vendor-side).',
	);
}
