import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { renderCloseout } from '@/scaffold/render-closeout';
import { projectManager } from '@/kinds/client/team';
import { display, requireClient } from '@/cli/client-lookup';
import { UserError, type Output } from '@/cli/output';
import { anyExists, markdownExtension, MD_OPTION_HELP, requireDateOption, writeScaffold } from './new-shared';

export const newCloseoutHelp = `Usage: glasshouse new closeout <client> [--date YYYY-MM-DD] [--md] [--content DIR]

Creates closeout.mdx (closeout.md with --md) next to client.yaml: the close-out summary, with one outcome per
objective in client.yaml (project.objectives), what went well, lessons, open items, and the
primary vendor contact as the support contact. The overview shows it once client.yaml says
"status: closed".

  --date   the day the project closed (default: today)
${MD_OPTION_HELP}

Refuses to overwrite an existing close-out. Prints the new file's path.`;

interface NewCloseoutOptions {
	client?: string;
	date?: string;
	content?: string;
	md?: boolean;
}

export async function runNewCloseout(options: NewCloseoutOptions, output: Output, context: BuildContext): Promise<number> {
	requireDateOption('--date', options.date);
	const { settings, folder } = await requireClient(options.content ?? context.contentDir, options.client, output, context.checkCache);
	const date = options.date ?? context.today;
	if (date < settings.start)
		throw new UserError(`The close-out date ${date} is before the project's start (${settings.start}); pass --date. Nothing was written.`);
	const file = path.join(folder, `closeout${markdownExtension(options.md)}`);
	for (const existing of ['closeout.mdx', 'closeout.md'].map((name) => path.join(folder, name))) {
		if (await anyExists([existing])) throw new UserError(`${display(existing)} already exists; edit it. Nothing was written.`);
	}
	// A support contact must be a team member, so the check accepts it; the vendor's main contact is the usual one.
	const contact = projectManager(settings.team)?.name ?? settings.team[0]!.name;
	const objectives = settings.project.objectives;
	await writeScaffold('closeout', file, renderCloseout({ date, locale: settings.locale, objectives, contacts: [contact] }));
	output.info(display(file));
	output.info(
		objectives.length
			? `  ${objectives.length} outcome(s), one per objective in client.yaml; support contact ${contact}`
			: `  client.yaml lists no project.objectives: add them there and give each an outcome here; support contact ${contact}`,
	);
	output.info(
		settings.status === 'closed'
			? '  client.yaml already says "status: closed": the overview shows this summary from the next build.'
			: '  When the project is closed, set "status: closed" in client.yaml: the overview then shows this summary.',
	);
	output.info('  Replace the TODO placeholders, then run `npm run check`.');
	return 0;
}
