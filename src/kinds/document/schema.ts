import { z } from 'zod';
import { IsoDateSchema, SlugSchema, TextSchema } from '@/kinds/common';

/** What a document is to the client; the library groups documents by it. */
export const DOCUMENT_CATEGORIES = ['deliverable', 'handbook', 'specification', 'acceptance', 'training', 'other'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/**
 * The name of an attachment in the same `documents/` folder: a plain file name, no folder, not
 * hidden, not another document's YAML.
 */
export const AttachmentNameSchema = z
	.string()
	.regex(/^[^/\\]+$/, 'expected a file name in the documents folder, without a folder (like "handbook.pdf")')
	.refine((name) => !name.startsWith('.'), 'expected a visible file name, found one starting with "."')
	.refine((name) => !/\.ya?ml$/i.test(name), 'expected an attachment (PDF, image, Office file, ZIP, video), found a YAML file');

/** A training session: who it was for, who gave it, and what the participants keep. */
export const TrainingSchema = z
	.object({
		/** Who was trained, e.g. "The museum's four web editors". */
		audience: TextSchema,
		/** Who gave the training. */
		trainer: TextSchema,
		/** How long it took, e.g. "2 hours". */
		duration: TextSchema.optional(),
		/** What the participants were given, in words ("Slides", "Exercise sheet"); files go in `files`. */
		materials: z.array(TextSchema).default([]),
		/** Where the recording can be watched (https), when there is one. */
		recording: z
			.string()
			.url('expected the https address of the recording')
			.startsWith('https://', 'expected an https:// address')
			.optional(),
	})
	.strict();

/** `content/<client>/documents/<id>.yaml`: one document, or one training session, and its attachments. */
export const DocumentObjectSchema = z
	.object({
		/** Stable id used by links; must match the file name. */
		id: SlugSchema,
		/** The document's title as the client knows it, e.g. "Editor handbook". */
		title: TextSchema,
		/** deliverable, handbook, specification, acceptance (a signed acceptance form), training or other. */
		category: z.enum(DOCUMENT_CATEGORIES),
		/** The document's own version, as written on it, e.g. "1.2". */
		version: TextSchema.optional(),
		/** The day of this version (for training: the day of the session). */
		date: IsoDateSchema,
		/** What it is for and who should read it, in a sentence or two. */
		description: TextSchema.optional(),
		/** Attachment files next to this YAML file (PDF, Office files, images, ZIP, video; up to 200 MB each). */
		files: z.array(AttachmentNameSchema).default([]),
		/** The milestone it was delivered or accepted for (its id in milestones/). */
		milestone: SlugSchema.optional(),
		/** The session's details; required for category training, refused otherwise. */
		training: TrainingSchema.optional(),
	})
	.strict();

type DocumentFields = Partial<z.infer<typeof DocumentObjectSchema>>;

/** Rules across fields; written for partial data so the checker can apply them to a file with other errors. */
export function documentRules(document: DocumentFields, ctx: z.RefinementCtx): void {
	if (document.category === 'training' && !document.training)
		ctx.addIssue({
			code: 'custom',
			path: ['training'],
			message: 'expected the session (training: with audience and trainer) for a training document, found nothing',
		});
	if (document.category && document.category !== 'training' && document.training)
		ctx.addIssue({
			code: 'custom',
			path: ['training'],
			message: `expected no training details for a ${document.category} document; set category: training, or remove them`,
		});
	const seen = new Set<string>();
	document.files?.forEach((file, index) => {
		if (seen.has(file)) ctx.addIssue({ code: 'custom', path: ['files', index], message: `expected each file once, found "${file}" twice` });
		seen.add(file);
	});
}

export const DocumentSchema = DocumentObjectSchema.superRefine(documentRules);
export type DocumentData = z.infer<typeof DocumentSchema>;
