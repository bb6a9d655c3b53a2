import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { SlugSchema } from '@/kinds/common';
import { LOCALES, type Locale } from '@/i18n/locales';
import { renderClient, renderSite } from '@/scaffold/render-client';
import { problemsOfNewFile, describeProblems } from '@/scaffold/validate-new-file';
import { writeNewFile } from '@/scaffold/write-new-file';
import { answerOrFail } from '@/cli/ask';
import { display } from '@/cli/client-lookup';
import { UsageError, UserError, type Output } from '@/cli/output';

export const newClientHelp = `Usage: glasshouse new client <slug> [--name "Display name"] [--locale en|zh-CN] [--content DIR]

Creates content/<slug>/ with client.yaml (every field present and explained; optional ones
commented out) and empty updates/, decisions/, milestones/ and faq/ folders (each with a
.gitkeep so git keeps them). The slug becomes the site's URL: lowercase letters, digits and
hyphens. The new client has one access entry, a shared password; print it with
"glasshouse share <slug>". Also creates content/site.yaml when the folder has none.

  --name     the client's display name (default: made from the slug)
  --locale   interface language of the client's site: en (default) or zh-CN`;

interface NewClientOptions {
	slug?: string;
	name?: string;
	locale?: string;
	content?: string;
}

const FOLDERS = ['updates', 'decisions', 'milestones', 'faq'];

export async function runNewClient(options: NewClientOptions, output: Output, context: BuildContext): Promise<number> {
	if (options.locale !== undefined && !(LOCALES as readonly string[]).includes(options.locale))
		throw new UsageError(`--locale: expected one of ${LOCALES.join(', ')}, found "${options.locale}".`);
	const slug = await answerOrFail(
		output,
		options.slug,
		'Folder name of the new client (it becomes the URL, e.g. acme-corp):',
		"Name the new client's folder, e.g. glasshouse new client acme-corp.",
		UsageError,
	);
	if (!SlugSchema.safeParse(slug).success)
		throw new UsageError(
			`"${slug}" cannot be a client folder: expected lowercase letters, digits and hyphens (it becomes the URL), like "acme-corp".`,
		);
	const root = path.resolve(options.content ?? context.contentDir);
	const folder = path.join(root, slug);
	if (await stat(folder).catch(() => undefined)) throw new UserError(`${display(folder)} already exists. Nothing was written.`);

	const locale = (options.locale ?? 'en') as Locale;
	const name =
		options.name?.trim() ||
		slug
			.split('-')
			.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
			.join(' ');
	const today = context.today;
	const files: Array<{ kind: 'client' | 'site'; file: string; text: string }> = [
		{ kind: 'client', file: path.join(folder, 'client.yaml'), text: renderClient({ slug, name, locale, today }) },
	];
	const sitePath = path.join(root, 'site.yaml');
	if (!(await stat(sitePath).catch(() => undefined))) files.push({ kind: 'site', file: sitePath, text: renderSite() });
	for (const { kind, file, text } of files) {
		const problems = await problemsOfNewFile(kind, display(file), text);
		if (problems.length)
			throw new UserError(`The new file would not pass \`glasshouse check\`, so nothing was written:\n${describeProblems(problems)}`);
	}

	for (const { file, text } of files) await writeNewFile(file, text);
	for (const sub of FOLDERS) await writeNewFile(path.join(folder, sub, '.gitkeep'), '');
	output.info(display(path.join(folder, 'client.yaml')));
	output.info(`  with empty ${FOLDERS.map((sub) => `${sub}/`).join(', ')} in ${display(folder)}/`);
	if (files.some(({ kind }) => kind === 'site')) output.info(`  and ${display(sitePath)}: put your agency's name in it`);
	output.info(`  Next: fill in the TODO placeholders, run \`npm run check\`, then \`glasshouse new update ${slug}\`.`);
	output.info(`  After deploying, send access with \`glasshouse share ${slug}\`.`);
	return 0;
}
