import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { renderFaq } from '@/scaffold/render-faq';
import { firstFreeName, slugify } from '@/scaffold/slugify';
import { answerOrFail } from '@/cli/ask';
import { display, requireClient } from '@/cli/client-lookup';
import { UsageError, UserError, type Output } from '@/cli/output';
import { writeScaffold } from './new-shared';

export const newFaqHelp = `Usage: glasshouse new faq <client> ["question"] [--md] [--content DIR]

Creates faq/<slug>.md for one question, placed after the existing ones; the body is the
answer. A question with no ASCII spelling gives faq/question-N.md. At a terminal, a missing
question is asked for. Prints the new file's path.

  --md   accepted as for the other kinds: an answer is always plain Markdown (.md)`;

interface NewFaqOptions {
	client?: string;
	question?: string;
	content?: string;
	md?: boolean;
}

export async function runNewFaq(options: NewFaqOptions, output: Output, context: BuildContext): Promise<number> {
	const { client, settings, folder } = await requireClient(
		options.content ?? context.contentDir,
		options.client,
		output,
		context.checkCache,
	);
	const question = await answerOrFail(
		output,
		options.question,
		'The question, as a client would ask it:',
		'Give the question, e.g. glasshouse new faq acme "Who do I call when the site is down?".',
		UsageError,
	);
	const same = client.faq.find((faq) => faq.value.question.trim().toLowerCase() === question.toLowerCase());
	if (same) throw new UserError(`${client.slug} already has this question in ${same.source.file}. Nothing was written.`);

	const names = new Set(await readdir(path.join(folder, 'faq')).catch(() => [] as string[]));
	const taken = (stem: string) => names.has(`${stem}.md`) || names.has(`${stem}.mdx`);
	let stem = slugify(question);
	if (stem && taken(stem))
		throw new UserError(`${display(path.join(folder, 'faq', `${stem}.md`))} already exists; nothing was overwritten.`);
	stem ??= await firstFreeName('question', taken);
	// After the last question, in the same steps of ten the demo uses.
	const order = client.faq.length ? Math.max(...client.faq.map((faq) => faq.value.order)) + 10 : 10;
	const file = path.join(folder, 'faq', `${stem}.md`);
	await writeScaffold('faq', file, renderFaq(question, order, settings.locale));
	output.info(display(file));
	output.info(`  shown at position ${order} (lowest first); write the answer in place of the TODO.`);
	return 0;
}
