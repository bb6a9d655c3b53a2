import type { ClientPages } from '@/check/check-links';
import { workingLink } from '@/check/check-links';
import type { MdxFix } from './fix-mdx';

/** A link a body makes, on its line (1-based, in the body), as the Markdown parser read it. */
export interface BodyLink {
	line: number;
	url: string;
}

/**
 * Rewrites the links between a client's pages that lead to no page but name an existing entry
 * (`[ADR 13](0013-use-postgres.md)` → `[ADR 13](../13/)`), the link `glasshouse check` suggests.
 * Only the link's target is replaced, on its own line, so no line moves; a link whose target is not
 * written on its line as the parser read it (escaped, or split across lines) is left for the author.
 * `page` is the path of the page the body is shown on (see `pageOf`).
 */
export function fixBodyLinks(
	body: string,
	links: readonly BodyLink[],
	page: string,
	pages: ClientPages,
): { body: string; fixes: MdxFix[] } {
	const lines = body.split('\n');
	const fixes: MdxFix[] = [];
	for (const link of links) {
		const working = workingLink(link.url, page, pages);
		const line = lines[link.line - 1];
		if (!working || line === undefined) continue;
		// The target as written: after "(", "<", "]: " or an attribute's quote, so link text that repeats it stays.
		const at = [`(${link.url}`, `<${link.url}`, `: ${link.url}`, `"${link.url}`, `'${link.url}`]
			.map((written) => ({ written, index: line.indexOf(written) }))
			.filter(({ index }) => index >= 0)
			.sort((a, b) => a.index - b.index)[0];
		if (!at) continue;
		const start = at.index + at.written.length - link.url.length;
		lines[link.line - 1] = line.slice(0, start) + working + line.slice(start + link.url.length);
		fixes.push({ line: link.line, what: `link ${link.url} (no such page) → ${working}` });
	}
	return { body: lines.join('\n'), fixes };
}
