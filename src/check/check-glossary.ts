import type { LoadedClient } from '@/loader/load-content';
import { namesOf } from '@/kinds/glossary/schema';
import { nameKey, termMatcher } from '@/kinds/glossary/term-matcher';
import type { FieldPath } from '@/loader/source-file';
import { reporterFor, type Problem } from './problem';

// Words that say nothing on their own: a definition made of the term and these defines nothing.
const FILLER =
	/(?<![\p{L}\p{N}])(?:a|an|the|is|are|means?|it|this|that|or|and|of|to|see|also|term)(?![\p{L}\p{N}])|是|指|即|的|就是|意思|简称|也叫|又称/giu;

/**
 * Rules of a client's glossary.yaml: every term and alias names one entry only (ignoring case and
 * spacing; a term is no other entry's alias), a definition says something beyond the term itself,
 * and "see also" names terms of the same glossary. Empty definitions fail the schema already.
 */
export function checkGlossary(client: LoadedClient): Problem[] {
	const glossary = client.glossary;
	if (!glossary) return [];
	const problems: Problem[] = [];
	const report = reporterFor(problems);
	const { source } = glossary;
	const terms = glossary.value.terms;
	const firstAt = new Map<string, { field: FieldPath; owner: string }>();
	for (const [index, entry] of terms.entries()) {
		const names: Array<{ name: string; field: FieldPath }> = [
			{ name: entry.term, field: ['terms', index, 'term'] },
			...entry.aliases.map((name, alias) => ({ name, field: ['terms', index, 'aliases', alias] as FieldPath })),
		];
		for (const { name, field } of names) {
			const key = nameKey(name);
			const first = firstAt.get(key);
			if (!first) {
				firstAt.set(key, { field, owner: entry.term });
				continue;
			}
			const role = first.field.at(-1) === 'term' ? 'the term' : `an alias of "${first.owner}"`;
			report(
				source,
				field,
				`expected each term and alias once in the glossary (ignoring case), found "${name}" again: it is already ${role} (line ${source.lineOf(first.field)}); remove one, or merge the two entries`,
			);
		}
		const rest = termMatcher([namesOf(entry)])
			.matches(entry.definition)
			.reduceRight((text, match) => text.slice(0, match.start) + text.slice(match.end), entry.definition)
			.replace(FILLER, '');
		if (!/[\p{L}\p{N}]/u.test(rest))
			report(
				source,
				['terms', index, 'definition'],
				`expected a definition in plain words, found only the term itself ("${entry.definition}"); say what "${entry.term}" means without using it`,
			);
	}
	for (const [index, entry] of terms.entries()) {
		for (const [position, other] of entry.seeAlso.entries()) {
			const target = firstAt.get(nameKey(other));
			if (!target)
				report(
					source,
					['terms', index, 'seeAlso', position],
					`expected a term of this glossary, found "${other}" which is none; add it as a term, or write it as one of: ${terms.map((term) => `"${term.term}"`).join(', ')}`,
				);
			else if (target.owner === entry.term)
				report(source, ['terms', index, 'seeAlso', position], `expected another term, found "${other}", the entry itself; remove it`);
		}
	}
	return problems;
}
