import { derivePathSegment } from '@/keys/derive-credentials';
import type { LoadedContent } from '@/loader/load-content';

/**
 * The URL segment of each private client's document pages, client → id → segment: a document's
 * id is the author's words ("editor-handbook") and a page address is readable by anyone, so, as
 * for risks (risk-paths.ts), it is keyed by the secret, stable from one build to the next.
 */
export async function privateDocumentSegments(content: LoadedContent, master: Uint8Array): Promise<Record<string, Record<string, string>>> {
	const clients = content.clients.filter((client) => client.client && !client.client.value.public);
	const entries = await Promise.all(
		clients.map(async ({ slug, documents }) => {
			const ids = documents.map((document) => document.value.id);
			const segments = await Promise.all(ids.map((id) => derivePathSegment(master, slug, 'document', id)));
			return [slug, Object.fromEntries(ids.map((id, index) => [id, segments[index]!]))] as const;
		}),
	);
	return Object.fromEntries(entries);
}
