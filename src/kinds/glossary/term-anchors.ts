import { createHash } from 'node:crypto';
import type { GlossaryTerm } from './schema';

/**
 * The anchor of each term on the Glossary page, in the order given: its Latin letters and digits
 * ("CI/CD" → `ci-cd`), or for a term without any (灰度发布) a short hash of it, so anchors stay the
 * same from build to build; a second term with the same anchor gets `-2`.
 */
export function termAnchors(terms: readonly Pick<GlossaryTerm, 'term'>[]): string[] {
	const taken = new Set<string>();
	return terms.map(({ term }) => {
		const latin = term
			.normalize('NFKD')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '');
		const base = latin || `term-${createHash('sha256').update(term).digest('hex').slice(0, 8)}`;
		let anchor = base;
		for (let count = 2; taken.has(anchor); count++) anchor = `${base}-${count}`;
		taken.add(anchor);
		return anchor;
	});
}
