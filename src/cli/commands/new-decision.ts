import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { renderDecision } from '@/scaffold/render-decision';
import { slugify } from '@/scaffold/slugify';
import { answerOrFail } from '@/cli/ask';
import { display, requireClient } from '@/cli/client-lookup';
import { UsageError, UserError, type Output } from '@/cli/output';
import { markdownExtension, MD_OPTION_HELP, nextNumber, requireDateOption, writeScaffold } from './new-shared';

export const newDecisionHelp = `Usage: glasshouse new decision <client> "<title>" [--supersedes N] [--date YYYY-MM-DD] [--md] [--content DIR]

Creates decisions/NNNN-<slug>.mdx (.md with --md) with the next free number: a decision record with status
"proposed", today's date and the MADR sections Context, Options considered, Decision and
Consequences (背景, 备选方案, 决定, 影响 for a zh-CN client). The file name comes from the
title; a title with no ASCII spelling (Chinese, for example) gives NNNN-decision.mdx.

  --supersedes N   this decision replaces decision N (which must exist and not already be
                   superseded); once accepted, set "status: superseded" on decision N
  --date           the decision's date instead of today
${MD_OPTION_HELP}

Prints the new file's path.`;

interface NewDecisionOptions {
	client?: string;
	title?: string;
	supersedes?: string;
	date?: string;
	content?: string;
	md?: boolean;
}

export async function runNewDecision(options: NewDecisionOptions, output: Output, context: BuildContext): Promise<number> {
	if (options.supersedes !== undefined && !/^[1-9]\d*$/.test(options.supersedes))
		throw new UsageError(`--supersedes: expected the number of a decision, like 4, found "${options.supersedes}".`);
	requireDateOption('--date', options.date);
	const { client, settings, folder } = await requireClient(
		options.content ?? context.contentDir,
		options.client,
		output,
		context.checkCache,
	);
	const title = await answerOrFail(
		output,
		options.title,
		'Title of the decision (a short statement, e.g. "Host the front end on Netlify"):',
		'Give the decision a title, e.g. glasshouse new decision acme "Host the front end on Netlify".',
		UsageError,
	);
	const date = options.date ?? context.today;
	const number = await nextNumber(
		path.join(folder, 'decisions'),
		client.decisions.map((decision) => decision.value.number),
	);

	let supersedes: { number: number; file: string } | undefined;
	if (options.supersedes !== undefined) {
		const target = Number(options.supersedes);
		const older = client.decisions.find((decision) => decision.value.number === target);
		const known = client.decisions.map((decision) => decision.value.number).sort((a, b) => a - b);
		if (!older)
			throw new UserError(
				`--supersedes ${target}: ${client.slug} has no decision ${target}. Known decisions: ${known.join(', ') || 'none yet'}.`,
			);
		const successor = client.decisions.find((decision) => decision.value.supersedes === target);
		if (successor)
			throw new UserError(
				`--supersedes ${target}: decision ${target} is already superseded by decision ${successor.value.number} (${path.basename(successor.source.file)}); a decision can be superseded only once.`,
			);
		if (older.value.date > date)
			throw new UserError(
				`--supersedes ${target}: decision ${target} is dated ${older.value.date}, after this decision's date ${date}; a decision can only supersede an older one.`,
			);
		supersedes = { number: target, file: path.basename(older.source.file) };
	}

	const file = path.join(
		folder,
		'decisions',
		`${String(number).padStart(4, '0')}-${slugify(title) ?? 'decision'}${markdownExtension(options.md)}`,
	);
	await writeScaffold(
		'decision',
		file,
		renderDecision({ number, title, date, locale: settings.locale, currency: settings.currency, supersedes }),
	);
	output.info(display(file));
	output.info(`  decision ${number}, status proposed, dated ${date}${supersedes ? `, supersedes decision ${supersedes.number}` : ''}`);
	if (supersedes) output.info(`  Once it is accepted, set "status: superseded" in ${supersedes.file}.`);
	output.info('  Replace the TODO placeholders, then run `npm run check`.');
	return 0;
}
