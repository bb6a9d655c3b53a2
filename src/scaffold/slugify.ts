/** Letters that Unicode does not decompose into a base letter plus accents. */
const FOLDED: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };

/**
 * A file-name slug from a title: "Host the front end on Netlify" → "host-the-front-end-on-netlify".
 * Accents are dropped ("Tomás" → "tomas"). Returns `undefined` when the title has letters that
 * have no ASCII spelling (Chinese, for example): a slug of only its ASCII fragments would
 * misdescribe the file, so callers fall back to a neutral name instead.
 */
export function slugify(title: string, maxLength = 60): string | undefined {
	const folded = title
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/['’]/g, '') // "don't" → "dont", not "don-t"
		.replace(/[^\x00-\x7f]/g, (char) => FOLDED[char] ?? char);
	if (/[^\x00-\x7f]/.test(folded.replace(/[^\p{L}\p{N}]/gu, ''))) return undefined;
	const slug = folded.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
	if (!slug) return undefined;
	if (slug.length <= maxLength) return slug;
	// Cut at a word boundary so the name does not end in half a word.
	const cut = slug.slice(0, maxLength + 1);
	const boundary = cut.lastIndexOf('-');
	return (boundary > 0 ? cut.slice(0, boundary) : slug.slice(0, maxLength)).replace(/-+$/, '');
}

/**
 * The neutral name for a title `slugify` cannot spell: `<noun>-1`, `<noun>-2`, … the first one
 * not taken. Every kind named after its title (milestones, risks, FAQ) falls back this way;
 * numbered kinds (decisions, changes) use `NNNN-<noun>`.
 */
export async function firstFreeName(noun: string, taken: (name: string) => boolean | Promise<boolean>): Promise<string> {
	let number = 1;
	while (await taken(`${noun}-${number}`)) number++;
	return `${noun}-${number}`;
}
