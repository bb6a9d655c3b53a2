import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { BuildContext } from '@/build-context/build-context';
import { SlugSchema } from '@/kinds/common';
import { DOCUMENT_CATEGORIES, type DocumentCategory } from '@/kinds/document/schema';
import { renderDocument } from '@/scaffold/render-document';
import { firstFreeName, slugify } from '@/scaffold/slugify';
import { answerOrFail } from '@/cli/ask';
import { display, requireClient } from '@/cli/client-lookup';
import { UsageError, UserError, type Output } from '@/cli/output';
import { anyExists, requireDateOption, writeScaffold } from './new-shared';

const COMMON_OPTIONS = `  --file      an attachment in the client's documents/ folder (repeat for several); check
              errors until the file is there
  --milestone the id of the milestone it belongs to
  --id        lowercase id used in the page address (default: made from the title)
  --date      the day of the document or session instead of today`;

export const newDocumentHelp = `Usage: glasshouse new document <client> "<title>" [--category C] [--file NAME]… [--milestone ID] [--id ID] [--date YYYY-MM-DD] [--content DIR]

Creates documents/<id>.yaml: a document of the client's library (deliverable, handbook,
specification, signed acceptance form or other) and the files attached to it. Put the files
next to the new .yaml file; a private client's files are published encrypted under random names.

  --category  deliverable, handbook, specification, acceptance or other (default: deliverable)
${COMMON_OPTIONS}

Prints the new file's path.`;

export const newTrainingHelp = `Usage: glasshouse new training <client> "<title>" [--trainer NAME] [--audience WHO] [--file NAME]… [--milestone ID] [--id ID] [--date YYYY-MM-DD] [--content DIR]

Creates documents/<id>.yaml with category training: a training session (date, audience,
trainer; duration, materials and the recording's address as comments) and its materials.

  --trainer   who gave it (default: a TODO to fill in)
  --audience  who was trained (default: a TODO to fill in)
${COMMON_OPTIONS}

Prints the new file's path.`;

interface NewDocumentOptions {
	client?: string;
	title?: string;
	category?: string;
	file?: string[];
	milestone?: string;
	id?: string;
	date?: string;
	trainer?: string;
	audience?: string;
	content?: string;
}

export async function runNewDocument(
	options: NewDocumentOptions,
	output: Output,
	context: BuildContext,
	training = false,
): Promise<number> {
	requireDateOption('--date', options.date);
	if (options.id !== undefined && !SlugSchema.safeParse(options.id).success)
		throw new UsageError(`--id: expected lowercase letters, digits and hyphens (like "editor-handbook"), found "${options.id}".`);
	const categories = DOCUMENT_CATEGORIES.filter((category) => category !== 'training');
	const category: DocumentCategory = training ? 'training' : ((options.category ?? 'deliverable') as DocumentCategory);
	if (!training && !(categories as readonly string[]).includes(category))
		throw new UsageError(
			`--category: expected ${categories.join(', ')}, found "${options.category}" (for a training session, use "new training").`,
		);
	const { client, settings, folder } = await requireClient(
		options.content ?? context.contentDir,
		options.client,
		output,
		context.checkCache,
	);
	const title = await answerOrFail(
		output,
		options.title,
		training ? 'Title of the training session:' : 'Title of the document:',
		`Give it a title, e.g. glasshouse new ${training ? 'training' : 'document'} ${client.slug} "${training ? 'Editor training' : 'Editor handbook'}".`,
		UsageError,
	);
	const milestoneIds = client.milestones.map((milestone) => milestone.value.id).sort();
	if (options.milestone && !milestoneIds.includes(options.milestone))
		throw new UsageError(
			`--milestone: expected a milestone id of ${client.slug} (${milestoneIds.join(', ') || 'none yet'}), found "${options.milestone}".`,
		);
	const taken = async (id: string) =>
		client.documents.some((document) => document.value.id === id) ||
		(await anyExists(['.yaml', '.yml'].map((extension) => path.join(folder, 'documents', `${id}${extension}`))));
	const id = options.id ?? slugify(title) ?? (await firstFreeName(training ? 'training' : 'document', taken));
	const file = path.join(folder, 'documents', `${id}.yaml`);
	if (
		await taken(id).then(
			(clash) =>
				clash ||
				stat(file).then(
					() => true,
					() => false,
				),
		)
	)
		throw new UserError(`${client.slug} already has a document "${id}"; choose another id with --id. Nothing was written.`);
	const zh = settings.locale === 'zh-CN';
	await writeScaffold(
		'document',
		file,
		renderDocument({
			id,
			title,
			category,
			date: options.date ?? context.today,
			files: options.file ?? [],
			...(options.milestone ? { milestone: options.milestone } : {}),
			milestoneIds,
			...(training
				? {
						training: {
							trainer: options.trainer?.trim() || (zh ? 'TODO：讲师' : 'TODO: who gave it'),
							audience: options.audience?.trim() || (zh ? 'TODO：培训对象' : 'TODO: who was trained'),
						},
					}
				: {}),
			locale: settings.locale,
		}),
	);
	output.info(display(file));
	const files = options.file ?? [];
	if (files.length) output.info(`  put ${files.join(', ')} next to it in ${display(path.join(folder, 'documents'))}/`);
	return 0;
}
