import { randomBytes } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedContent } from '@/loader/load-content';
import { mediaTypeOf } from '@/lib/media-type';
import { documentKind } from './kind';

/** One attachment as the build publishes it and its page links it. */
export interface PlannedAttachment {
	/** The document's id and the file's name: `editor-handbook/handbook.pdf`. */
	key: string;
	document: string;
	/** The file's name as the author wrote it (shown and used as the saved name). */
	file: string;
	/** Media type from the extension. */
	type: string;
	/** Size of the original file in bytes. */
	bytes: number;
	/** Absolute path of the source file in content/. */
	source: string;
	/**
	 * Private clients: the file's opaque id and published name in `files/`, 128 random bits fresh
	 * each build (so no name is a function of the file, and two builds share none). Absent for a
	 * public client, whose file is copied in clear next to its document page.
	 */
	sealedName?: string;
	/** Where the file is published, below the client folder. */
	published: string;
}

/** Client slug → attachment key → attachment. */
export type AttachmentPlan = Record<string, Record<string, PlannedAttachment>>;

/** The folder of a private client's sealed attachments (and their decoys), below its folder. */
export const SEALED_ATTACHMENTS_FOLDER = 'files';

export const attachmentKey = (document: string, file: string) => `${document}/${file}`;

/**
 * Decides, once per build, where each attachment of the checked content is published: for a
 * private client under a random name in `files/`, for a public one in clear as
 * `documents/<id>/<file>`. Files that are missing are left out (`check` has already reported them
 * as errors, which stop the build).
 */
export async function planAttachments(
	content: LoadedContent,
	contentDir: string,
	privateClients: ReadonlySet<string>,
): Promise<AttachmentPlan> {
	const plan: AttachmentPlan = {};
	for (const client of content.clients) {
		const entries: Record<string, PlannedAttachment> = {};
		for (const { value } of client.documents) {
			for (const file of value.files) {
				const source = path.join(contentDir, client.slug, documentKind.where.folder, file);
				const info = await stat(source).catch(() => undefined);
				if (!info?.isFile()) continue;
				const sealedName = privateClients.has(client.slug) ? randomBytes(16).toString('hex') : undefined;
				entries[attachmentKey(value.id, file)] = {
					key: attachmentKey(value.id, file),
					document: value.id,
					file,
					type: mediaTypeOf(file),
					bytes: info.size,
					source,
					...(sealedName ? { sealedName } : {}),
					published: sealedName ? `${SEALED_ATTACHMENTS_FOLDER}/${sealedName}` : `${documentKind.where.folder}/${value.id}/${file}`,
				};
			}
		}
		plan[client.slug] = entries;
	}
	return plan;
}
