import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { defaultUpdateDate } from '@/scaffold/update-date';
import { renderUpdate } from '@/scaffold/render-update';
import { display, requireClient } from '@/cli/client-lookup';
import { UserError, type Output } from '@/cli/output';
import { bodyFormatOf } from '@/scaffold/body-comment';
import { markdownExtension, MD_OPTION_HELP, requireDateOption, unreadableBetween, writeScaffold } from './new-shared';

export const newUpdateHelp = `Usage: glasshouse new update <client> [--date YYYY-MM-DD] [--md] [--content DIR]

Creates this period's status update, updates/<date>.mdx (.md with --md), continuing from the previous one:
  - last update's "Next" items become this update's "In progress"
  - open "needs" (done: false) and risks carry over
  - health, its reason, dimensions and progress carry over, with a comment to reassess them
  - Done / In progress / Next headings in the client's language (## 已完成 … for zh-CN)
Placeholders start with TODO; \`glasshouse check\` warns until they are replaced.

  --date   the update's date; default: the cadence's weekday on or after today
           (communication.cadence in client.yaml); a fortnightly or monthly cadence
           keeps its rhythm: the date the last update makes due next, while still ahead
${MD_OPTION_HELP}

Refuses to overwrite an existing update. Prints the new file's path.`;

interface NewUpdateOptions {
	client?: string;
	date?: string;
	content?: string;
	md?: boolean;
}

export async function runNewUpdate(options: NewUpdateOptions, output: Output, context: BuildContext): Promise<number> {
	requireDateOption('--date', options.date);
	const today = context.today;
	const { client, settings, folder, loaded } = await requireClient(
		options.content ?? context.contentDir,
		options.client,
		output,
		context.checkCache,
	);

	const updates = [...client.updates].sort((a, b) => a.value.date.localeCompare(b.value.date));
	const date = options.date ?? defaultUpdateDate(today, settings.communication.cadence, updates.at(-1)?.value.date);
	const previous = updates.filter((update) => update.value.date < date).at(-1);
	// An update that failed to load may be the real previous one; say so rather than silently skip it.
	for (const file of unreadableBetween(loaded, client, 'updates', date, previous?.value.date))
		output.warn(`warning: ${file} has errors, so nothing was carried over from it (see \`npm run check\`).`);

	for (const extension of ['.md', '.mdx']) {
		const existing = path.join(folder, 'updates', `${date}${extension}`);
		if (await stat(existing).catch(() => undefined))
			throw new UserError(`${display(existing)} already exists; edit it, or pass --date for another day. Nothing was written.`);
	}
	const file = path.join(folder, 'updates', `${date}${markdownExtension(options.md)}`);
	const { text, carried } = renderUpdate(
		date,
		settings.locale,
		previous && { value: previous.value, body: previous.source.body },
		bodyFormatOf(file),
	);
	await writeScaffold('update', file, text);

	output.info(display(file));
	if (previous) {
		output.info(
			`  from ${previous.value.date}: ${carried.nextItems} "Next" item(s) now "In progress", ${carried.openNeeds} open need(s), ${carried.risks} risk(s), health ${carried.health} (reassess it)`,
		);
	} else {
		output.info('  the first update of this client: nothing to carry over');
	}
	output.info('  Replace the TODO placeholders, then run `npm run check`.');
	return 0;
}
