import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { renderChange } from '@/scaffold/render-change';
import { slugify } from '@/scaffold/slugify';
import { answerOrFail } from '@/cli/ask';
import { display, requireClient } from '@/cli/client-lookup';
import { UsageError, type Output } from '@/cli/output';
import { markdownExtension, MD_OPTION_HELP, nextNumber, requireDateOption, writeScaffold } from './new-shared';

export const newChangeHelp = `Usage: glasshouse new change <client> "<title>" [--requested-by NAME] [--date YYYY-MM-DD] [--md] [--content DIR]

Creates changes/NNNN-<slug>.mdx (.md with --md) with the next free number: a change request with status
"requested", requested today, and the sections Why, What changes and Impact (原因, 变更内容,
影响 for a zh-CN client). The impact and the client's approval are there as comments saying
when each becomes required: impact from "estimated" on, approval (who answered, when) once
approved, rejected or implemented.

  --requested-by   who asked for it (default: a TODO to fill in)
  --date           the day it was requested instead of today
${MD_OPTION_HELP}

Prints the new file's path.`;

interface NewChangeOptions {
	client?: string;
	title?: string;
	'requested-by'?: string;
	date?: string;
	content?: string;
	md?: boolean;
}

export async function runNewChange(options: NewChangeOptions, output: Output, context: BuildContext): Promise<number> {
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
		'Title of the change request (a short statement, e.g. "Add live chat to the contact page"):',
		'Give the change request a title, e.g. glasshouse new change acme "Add live chat to the contact page".',
		UsageError,
	);
	const requestedOn = options.date ?? context.today;
	const requestedBy = options['requested-by']?.trim() || (settings.locale === 'zh-CN' ? 'TODO：提出人姓名' : 'TODO: who asked for it');
	const number = await nextNumber(
		path.join(folder, 'changes'),
		client.changes.map((change) => change.value.number),
	);

	const file = path.join(
		folder,
		'changes',
		`${String(number).padStart(4, '0')}-${slugify(title) ?? 'change'}${markdownExtension(options.md)}`,
	);
	const milestoneIds = client.milestones.map((milestone) => milestone.value.id).sort();
	await writeScaffold(
		'change',
		file,
		renderChange({
			number,
			title,
			requestedBy,
			requestedOn,
			locale: settings.locale,
			currency: settings.currency,
			inScope: settings.scope.in,
			milestoneIds,
		}),
	);
	output.info(display(file));
	output.info(`  change request CR-${number}, status requested, requested by ${requestedBy} on ${requestedOn}`);
	output.info('  Once estimated, fill in "impact" and set status: estimated (or awaiting-client when you send it for approval).');
	output.info('  Replace the TODO placeholders, then run `npm run check`.');
	return 0;
}
