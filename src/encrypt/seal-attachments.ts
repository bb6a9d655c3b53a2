import { createReadStream } from 'node:fs';
import { mkdir, open } from 'node:fs/promises';
import { randomBytes, randomInt } from 'node:crypto';
import path from 'node:path';
import { ATTACHMENT_MAGIC, attachmentLayout, sealAttachment } from '@/runtime/crypto/attachment';
import { SEALED_ATTACHMENTS_FOLDER, type PlannedAttachment } from '@/kinds/document/attachment-plan';
import { paddedFileCount } from './seal-search-index';

interface SealAttachmentsInput {
	/** The client's output folder. */
	folder: string;
	client: string;
	buildId: string;
	contentKey: CryptoKey;
	attachments: PlannedAttachment[];
}

/** Attachments sealed at once: each streams its file through WebCrypto, one chunk at a time. */
const FILES_AT_ONCE = 2;

/** Streams `pieces` into a new file, waiting for the disk when it falls behind. */
async function writePieces(target: string, pieces: AsyncIterable<Uint8Array>): Promise<void> {
	const handle = await open(target, 'w');
	try {
		for await (const piece of pieces) await handle.write(piece);
	} finally {
		await handle.close();
	}
}

/**
 * Seals a private client's attachments into `files/` under their random names (see
 * attachment.ts for the format), straight from content/, never holding a whole file in memory.
 * Decoys of the magic and random bytes, each as long as a real sealed attachment (or the smallest
 * bucket), round the count up as the search index's is (`paddedFileCount`): even a client with no
 * attachment has the folder and its four files, so neither the folder nor the count tells whether
 * or how many documents the client has beyond a bucket.
 */
export async function sealAttachments(input: SealAttachmentsInput): Promise<{ files: number; decoys: number; bytes: number }> {
	const target = path.join(input.folder, SEALED_ATTACHMENTS_FOLDER);
	await mkdir(target, { recursive: true });
	let bytes = 0;
	const queue = [...input.attachments];
	await Promise.all(
		Array.from({ length: FILES_AT_ONCE }, async () => {
			for (let next = queue.shift(); next; next = queue.shift()) {
				const attachment = next;
				if (!attachment.sealedName) throw new Error(`attachment ${attachment.key} of ${input.client} has no sealed name`);
				const binding = { client: input.client, buildId: input.buildId, fileId: attachment.sealedName };
				// highWaterMark: the reader's pieces are re-cut into chunks, so large reads save calls.
				const source = createReadStream(attachment.source, { highWaterMark: 1024 * 1024 });
				await writePieces(path.join(target, attachment.sealedName), sealAttachment(input.contentKey, source, attachment.bytes, binding));
				bytes += attachment.bytes;
			}
		}),
	);
	const sizes = input.attachments.map((attachment) => attachmentLayout(attachment.bytes).sealed);
	const decoys = paddedFileCount(input.attachments.length) - input.attachments.length;
	for (let index = 0; index < decoys; index++) {
		const size = sizes.length ? sizes[randomInt(sizes.length)]! : attachmentLayout(0).sealed;
		await writePieces(path.join(target, randomBytes(16).toString('hex')), randomPieces(size));
	}
	return { files: input.attachments.length, decoys, bytes };
}

/** The magic, then random bytes up to `size`, a megabyte at a time. */
async function* randomPieces(size: number): AsyncGenerator<Uint8Array> {
	yield new TextEncoder().encode(ATTACHMENT_MAGIC);
	for (let left = size - ATTACHMENT_MAGIC.length; left > 0; left -= 1024 * 1024) yield randomBytes(Math.min(left, 1024 * 1024));
}
