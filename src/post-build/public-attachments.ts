import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import type { Needle } from '@/leak-scan/collect-needles';
import path from 'node:path';
import type { AttachmentPlan } from '@/kinds/document/attachment-plan';

/**
 * Copies the attachments of public clients, in clear and under their own names, next to their
 * document pages. Private clients' attachments are never copied: the encryption step seals them
 * from content/ (seal-attachments.ts). Returns the number of files copied.
 */
export async function copyPublicAttachments(outDir: string, plan: AttachmentPlan): Promise<number> {
	let copied = 0;
	for (const [client, attachments] of Object.entries(plan)) {
		for (const attachment of Object.values(attachments)) {
			if (attachment.sealedName) continue;
			const target = path.join(outDir, client, attachment.published);
			await mkdir(path.dirname(target), { recursive: true });
			await copyFile(attachment.source, target);
			copied++;
		}
	}
	return copied;
}

/**
 * Private clients' attachments by the base64 SHA-256 of their bytes, for the leak scan: no file
 * of the output may be one of them in clear, under any name (a copy in public/, a stray plain copy).
 */
export async function privateAttachmentCopies(plan: AttachmentPlan): Promise<Map<string, Needle>> {
	const copies = new Map<string, Needle>();
	for (const [client, attachments] of Object.entries(plan)) {
		for (const attachment of Object.values(attachments)) {
			if (!attachment.sealedName) continue;
			const hash = createHash('sha256');
			for await (const piece of createReadStream(attachment.source)) hash.update(piece as Buffer);
			copies.set(hash.digest('base64'), { text: attachment.file, source: `${client}/documents/${attachment.file}` });
		}
	}
	return copies;
}
