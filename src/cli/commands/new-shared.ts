import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedClient, LoadedContent } from '@/loader/load-content';
import { isRealIsoDate } from '@/kinds/common';
import { MARKDOWN } from '@/kinds/kind';
import { problemsOfNewFile, describeProblems, type ScaffoldKind } from '@/scaffold/validate-new-file';
import { FileExistsError, writeNewFile } from '@/scaffold/write-new-file';
import { display } from '@/cli/client-lookup';
import { UsageError, UserError } from '@/cli/output';

/**
 * Validates a scaffold exactly as `glasshouse check` would validate the file, then writes it
 * without overwriting anything. Problems usually come from what was typed (an id with capitals,
 * an empty title), so they are reported to the user and nothing is written.
 */
export async function writeScaffold(kind: ScaffoldKind, file: string, text: string): Promise<void> {
	const problems = await problemsOfNewFile(kind, display(file), text);
	if (problems.length)
		throw new UserError(`The new file would not pass \`glasshouse check\`, so it was not written:\n${describeProblems(problems)}`);
	try {
		await writeNewFile(file, text);
	} catch (error) {
		if (error instanceof FileExistsError) throw new UserError(`${display(file)} already exists; nothing was overwritten.`);
		throw error;
	}
}

/** Refuses a date option that is not a real `YYYY-MM-DD` day, naming the option. */
export function requireDateOption(option: string, value: string | undefined): void {
	if (value !== undefined && !isRealIsoDate(value))
		throw new UsageError(`${option}: expected a real date as YYYY-MM-DD, found "${value}".`);
}

/**
 * The next number of a numbered folder (decisions, changes): one more than the highest taken,
 * counting file names as well as parsed records, so a record with errors still holds its number.
 */
export async function nextNumber(folder: string, parsed: number[]): Promise<number> {
	const names = await readdir(folder).catch(() => [] as string[]);
	const taken = [
		...names
			.map((name) => /^(\d{4})-/.exec(name)?.[1])
			.filter((prefix) => prefix !== undefined)
			.map(Number),
		...parsed,
	];
	return Math.max(0, ...taken) + 1;
}

/**
 * Files of a dated folder (updates, meetings) that failed to load and are dated in
 * (`after`, `before`): one of them may be the real predecessor a scaffold should continue from.
 */
export function unreadableBetween(
	loaded: LoadedContent,
	client: LoadedClient,
	folder: 'updates' | 'meetings',
	before: string,
	after: string | undefined,
): string[] {
	const parsed = new Set([...client.updates, ...client.meetings].map((entry) => entry.source.file));
	return loaded.problems
		.filter((problem) => problem.severity === 'error' && problem.file.startsWith(`${client.dir}/${folder}/`) && !parsed.has(problem.file))
		.map((problem) => problem.file)
		.filter((file, index, files) => {
			const day = path.basename(file).slice(0, 10);
			return files.indexOf(file) === index && day < before && (after === undefined || day > after);
		});
}

/** True when any of the files exists. */
export async function anyExists(files: string[]): Promise<boolean> {
	const found = await Promise.all(
		files.map((file) =>
			stat(file).then(
				() => true,
				() => false,
			),
		),
	);
	return found.includes(true);
}

/**
 * The extension of a new Markdown-kind file: the registry's first (`.mdx`, for components), or
 * plain `.md` with `--md` (no components, but none of MDX's pitfalls with `<`, `{` and comments).
 */
export function markdownExtension(md: boolean | undefined): string {
	return md ? '.md' : MARKDOWN.extensions[0]!;
}

/** The line a Markdown kind's help gives the `--md` option. */
export const MD_OPTION_HELP = `  --md     write plain Markdown (.md) instead of MDX (.mdx): no components, but no MDX
           pitfalls either (< and { are text, comments are <!-- -->)`;
