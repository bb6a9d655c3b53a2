import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { readReplyBlocks, BLOCK_BEGIN } from '@/kinds/survey/reply-block';
import { planReplies } from '@/kinds/survey/plan-replies';
import { AppendError, appendResponses } from '@/scaffold/append-responses';
import { problemsOfNewFile, describeProblems } from '@/scaffold/validate-new-file';
import { display, requireClient } from '@/cli/client-lookup';
import { UsageError, UserError, type Output } from '@/cli/output';

export const recordSurveyHelp = `Usage: glasshouse record survey <client> <file|-> [--dry-run] [--content DIR]

Reads replies to a survey form (the emails the survey page composes, pasted into a file, or
given on standard input with -) and adds one response per person to the survey file each reply
names. Several replies at once are fine; quoting ("> ") and lines wrapped by a mail client are
undone. A reply is refused, with the reason, when it is for another client or an unknown survey,
when its sender is neither on the client side of client.yaml's team nor a named outsider, when
that person already answered, when it is dated outside the survey's days, or when a score is out
of its question's range or names no question. The other replies are still recorded; comments,
blank lines and formatting of the survey file are kept.

  --dry-run  print what would be recorded and refused; write nothing

Exits with 1 when a reply was refused or none was found.`;

interface RecordSurveyOptions {
	client?: string;
	input?: string;
	content?: string;
	dryRun?: boolean;
}

async function readInput(input: string): Promise<string> {
	if (input !== '-') {
		try {
			return await readFile(input, 'utf8');
		} catch {
			throw new UserError(`Cannot read "${input}": expected a file holding the pasted replies (or - for standard input).`);
		}
	}
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export async function runRecordSurvey(options: RecordSurveyOptions, output: Output, context: BuildContext): Promise<number> {
	if (!options.input) throw new UsageError('Name the file holding the pasted replies, or - to read them from standard input.');
	const text = await readInput(options.input);
	const { client, settings, folder } = await requireClient(
		options.content ?? context.contentDir,
		options.client,
		output,
		context.checkCache,
	);
	const { replies, problems } = readReplyBlocks(text);
	const source = options.input === '-' ? 'standard input' : display(path.resolve(options.input));
	for (const problem of problems) output.error(`✗ ${source}:${problem.line}  ${problem.message}`);
	if (replies.length === 0 && problems.length === 0) {
		output.error(
			`✗ Found no survey answers in ${source}: expected a block starting with "${BLOCK_BEGIN}", as in the email the survey page composes.`,
		);
		return 1;
	}
	const files = client.surveys.map((entry) => ({ stem: entry.stem, survey: entry.value, file: entry.source.file }));
	const { additions, refused } = planReplies(replies, files, client.slug, settings.team);
	for (const reply of refused)
		output.error(`✗ ${source}:${reply.line}  ${reply.respondent ? `${reply.respondent}: ` : ''}${reply.message}`);
	let recorded = 0;
	for (const [stem, responses] of additions) {
		const file = path.join(folder, 'surveys', path.basename(files.find((candidate) => candidate.stem === stem)!.file));
		let changed: string;
		try {
			changed = appendResponses(await readFile(file, 'utf8'), responses);
		} catch (error) {
			if (error instanceof AppendError) throw new UserError(`${display(file)}: ${error.message}`);
			throw error;
		}
		const left = await problemsOfNewFile('survey', display(file), changed);
		if (left.length)
			throw new UserError(
				`The responses would make ${display(file)} fail \`glasshouse check\`, so nothing was written to it:\n${describeProblems(left)}`,
			);
		if (!options.dryRun) await writeFile(file, changed);
		recorded += responses.length;
		output.info(
			`${options.dryRun ? '· Would record' : '✓ Recorded'} ${responses.length} response(s) in ${display(file)}: ${responses.map((response) => response.respondent).join(', ')}`,
		);
	}
	if (options.dryRun) output.info('  Dry run: nothing was written.');
	else if (recorded) output.info('  Run `glasshouse check`, then commit the survey file; the results page shows them with the next build.');
	return refused.length || problems.length || recorded === 0 ? 1 : 0;
}
