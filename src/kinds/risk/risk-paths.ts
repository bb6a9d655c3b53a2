import { derivePathSegment } from '@/keys/derive-credentials';
import { loadSecret } from '@/keys/secret';

/**
 * Register id → URL segment of the risk's page. Page addresses are readable by anyone even
 * though the pages are encrypted, and a risk id is written by the author ("supplier-insolvency"),
 * so a private client's risk pages live at a segment derived from the secret instead. A public
 * client's site is readable anyway and keeps the id. Without a secret (the dev server, `astro
 * check`) ids are used too: such output is never encrypted, and the build refuses to publish it.
 */
export async function riskPathSegments(client: string, isPublic: boolean, ids: string[]): Promise<Map<string, string>> {
	const master = isPublic ? undefined : await loadSecret().catch(() => undefined);
	const segments = await Promise.all(ids.map((id) => (master ? derivePathSegment(master, client, 'risk', id) : id)));
	return new Map(ids.map((id, index) => [id, segments[index]!]));
}
