import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { isRealIsoDate, SlugSchema } from '@/kinds/common';
import { renderMilestone } from '@/scaffold/render-milestone';
import { projectManager } from '@/kinds/client/team';
import { firstFreeName, slugify } from '@/scaffold/slugify';
import { answerOrFail } from '@/cli/ask';
import { display, requireClient } from '@/cli/client-lookup';
import { UsageError, UserError, type Output } from '@/cli/output';
import { anyExists, requireDateOption, writeScaffold } from './new-shared';

export const newMilestoneHelp = `Usage: glasshouse new milestone <client> --title T --due YYYY-MM-DD [--id ID] [--start YYYY-MM-DD] [--owner NAME] [--content DIR]

Creates milestones/<id>.yaml with status "planned".

  --title   what is reached, e.g. "Content migration complete"
  --due     the planned due date
  --id      lowercase id used by updates and dependsOn (default: made from the title;
            milestone-N for a title with no ASCII spelling, Chinese for example)
  --start   when work towards it starts (default: today, or the due date if that is earlier)
  --owner   who is accountable (default: the primary vendor contact in client.yaml)

At a terminal, a missing title or due date is asked for. Prints the new file's path.`;

interface NewMilestoneOptions {
	client?: string;
	id?: string;
	title?: string;
	due?: string;
	start?: string;
	owner?: string;
	content?: string;
}

export async function runNewMilestone(options: NewMilestoneOptions, output: Output, context: BuildContext): Promise<number> {
	for (const option of ['due', 'start'] as const) requireDateOption(`--${option}`, options[option]);
	if (options.id !== undefined && !SlugSchema.safeParse(options.id).success)
		throw new UsageError(`--id: expected lowercase letters, digits and hyphens (like "go-live"), found "${options.id}".`);
	const { client, settings, folder } = await requireClient(
		options.content ?? context.contentDir,
		options.client,
		output,
		context.checkCache,
	);
	const title = await answerOrFail(
		output,
		options.title,
		'Title of the milestone (what is reached):',
		'Give the milestone a title with --title "…".',
		UsageError,
	);
	const due = await answerOrFail(
		output,
		options.due,
		'Due date (YYYY-MM-DD):',
		'Give the milestone a due date with --due YYYY-MM-DD.',
		UsageError,
	);
	if (!isRealIsoDate(due)) throw new UsageError(`Due date: expected a real date as YYYY-MM-DD, found "${due}".`);
	// A milestone file that failed to load still holds its id.
	const taken = async (id: string) =>
		client.milestones.some((milestone) => milestone.value.id === id) ||
		(await anyExists(['.yaml', '.yml'].map((extension) => path.join(folder, 'milestones', `${id}${extension}`))));
	const id = options.id ?? slugify(title) ?? (await firstFreeName('milestone', taken));
	const today = context.today;
	const start = options.start ?? (due < today ? due : today);
	if (start > due) throw new UsageError(`--start ${start} is after the due date ${due}.`);

	const file = path.join(folder, 'milestones', `${id}.yaml`);
	const clash = client.milestones.find((milestone) => milestone.value.id === id);
	if (clash || (await stat(file).catch(() => undefined)))
		throw new UserError(
			`${client.slug} already has a milestone "${id}" (${clash ? clash.source.file : display(file)}); choose another id with --id. Nothing was written.`,
		);
	const owner =
		options.owner ?? projectManager(settings.team)?.name ?? (settings.locale === 'zh-CN' ? 'TODO：负责人' : 'TODO: who is accountable');
	const otherIds = client.milestones.map((milestone) => milestone.value.id).sort();
	await writeScaffold('milestone', file, renderMilestone({ id, title, start, due, owner, otherIds, locale: settings.locale }));
	output.info(display(file));
	output.info(`  milestone "${id}", planned ${start} → ${due}, owner ${owner}`);
	return 0;
}
