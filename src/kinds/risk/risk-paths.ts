import { derivePathSegment } from '@/keys/derive-credentials';
import type { LoadedContent } from '@/loader/load-content';

/**
 * Register id → URL segment of the risk's page. Page addresses are readable by anyone even
 * though the pages are encrypted, and a risk id is written by the author ("supplier-insolvency"),
 * so a private client's risk pages live at a segment derived from the secret (`master`) instead.
 * A public client's site is readable anyway and keeps the id. Without a secret (the dev server,
 * `astro check`) ids are used too: such output is never encrypted, and the build refuses to publish it.
 */
export async function riskPathSegments(
	client: string,
	isPublic: boolean,
	ids: string[],
	master?: Uint8Array,
): Promise<Map<string, string>> {
	const segments = await Promise.all(ids.map((id) => (master && !isPublic ? derivePathSegment(master, client, 'risk', id) : id)));
	return new Map(ids.map((id, index) => [id, segments[index]!]));
}

/**
 * The segments of every private client's risks, client → id → segment, derived once per build
 * from the content privacy was decided from. The integration hands them to the pages (see
 * `PageContext`), so the secret itself never enters page code.
 */
export async function privateRiskSegments(content: LoadedContent, master: Uint8Array): Promise<Record<string, Record<string, string>>> {
	const clients = content.clients.filter((client) => client.client && !client.client.value.public);
	const entries = await Promise.all(
		clients.map(async ({ slug, risks }) => {
			const segments = await riskPathSegments(
				slug,
				false,
				risks.map((risk) => risk.value.id),
				master,
			);
			return [slug, Object.fromEntries(segments)] as const;
		}),
	);
	return Object.fromEntries(entries);
}
