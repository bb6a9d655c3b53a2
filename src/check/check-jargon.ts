import path from 'node:path';
import type { Locale } from '@/i18n/locales';
import { kindNamed } from '@/kinds/registry';
import { namesOf } from '@/kinds/glossary/schema';
import type { JargonLists } from '@/kinds/glossary/jargon';
import { termMatcher } from '@/kinds/glossary/term-matcher';
import { parsedFiles, type LoadedClient } from '@/loader/load-content';
import type { FieldPath, SourceFile } from '@/loader/source-file';
import type { Problem } from './problem';

/** What the client reads as our own report to them: their jargon is ours to explain. */
const PLAIN_LANGUAGE_KINDS = [kindNamed('update'), kindNamed('decision'), kindNamed('change')];

// A lowercase slug in front matter is an id or a reference (`risks: [uat-delay]`), not prose.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Files named one by one per jargon word and client; the others share one warning. */
const FILES_NAMED_PER_WORD = 3;

/**
 * Warns when an update, decision or change request uses a word of the jargon list of the client's
 * language that the client's glossary.yaml does not define: once per word and file, naming every
 * line it is on, for the first three files; the files after them share one warning. A warning, not
 * an error: the author decides whether to define it or say it plainly.
 */
export function checkJargon(client: LoadedClient, jargon: JargonLists): Problem[] {
	const locale: Locale = client.client?.value.locale ?? 'en';
	const defined = termMatcher((client.glossary?.value.terms ?? []).map(namesOf));
	// A word is defined when a term or alias of the glossary covers the whole of it ("sprints" covers "sprint").
	const undefinedJargon = jargon[locale].filter((word) => !defined.matches(word).some((match) => match.end - match.start === word.length));
	if (undefinedJargon.length === 0) return [];
	const matcher = termMatcher(undefinedJargon.map((word) => [word]));
	// Word → the files using it, in file order, with their lines.
	const uses = new Map<number, Array<{ file: string; lines: number[]; field: FieldPath }>>();
	for (const { source } of parsedFiles(client, PLAIN_LANGUAGE_KINDS)) {
		const found = new Map<number, { lines: Set<number>; field: FieldPath }>();
		for (const { text, line, field } of proseOf(source)) {
			for (const match of matcher.matches(text)) {
				const seen = found.get(match.entry) ?? { lines: new Set<number>(), field };
				seen.lines.add(line);
				found.set(match.entry, seen);
			}
		}
		for (const [entry, { lines, field }] of found) {
			const files = uses.get(entry) ?? [];
			files.push({ file: source.file, lines: [...lines].sort((a, b) => a - b), field });
			uses.set(entry, files);
		}
	}
	const problems: Problem[] = [];
	for (const [entry, files] of uses) {
		const word = undefinedJargon[entry]!;
		const fix = `say it in plain words, or add "${word}" with a plain definition to ${client.dir}/glossary.yaml`;
		const where = (lines: number[]) => `${lines.length === 1 ? 'line' : 'lines'} ${lines.join(', ')}`;
		// A word used all through two years of updates would otherwise bury every other warning:
		// the first files are named one by one, the rest in one warning at the next file.
		const named = files.slice(0, FILES_NAMED_PER_WORD);
		for (const { file, lines, field } of named) {
			problems.push({
				severity: 'warning',
				file,
				line: lines[0],
				field: field.join('.'),
				message: `uses the jargon "${word}" (${where(lines)}), which the client's glossary does not define; ${fix}`,
			});
		}
		const rest = files.slice(FILES_NAMED_PER_WORD);
		if (rest.length) {
			const [first] = rest;
			const others = rest.slice(1).map(({ file }) => path.basename(file));
			const more = others.length
				? `, as do ${others.length} more of this client's files (${others.slice(0, 3).join(', ')}${others.length > 3 ? ', …' : ''})`
				: '';
			problems.push({
				severity: 'warning',
				file: first!.file,
				line: first!.lines[0],
				field: first!.field.join('.'),
				message: `uses the jargon "${word}" (${where(first!.lines)})${more}, which the client's glossary does not define; ${fix}`,
			});
		}
	}
	return problems;
}

/** The text a reader sees in a file, with its line: every string of the front matter, and the body line by line. */
function proseOf(source: SourceFile): Array<{ text: string; line: number; field: FieldPath }> {
	const prose: Array<{ text: string; line: number; field: FieldPath }> = [];
	const walk = (value: unknown, field: FieldPath) => {
		if (typeof value === 'string') {
			if (!SLUG.test(value)) prose.push({ text: value, line: source.lineOf(field), field });
		} else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...field, index]));
		else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...field, key]);
	};
	walk(source.data, []);
	let fence: string | undefined;
	for (const [index, raw] of source.body.split('\n').entries()) {
		// Code is quoted, not said: fenced blocks and inline code are left out, as are link targets, comments, the
		// tags of HTML (a reader never sees `<script src="https://cdn…">`) and addresses (`api` in a host name is not prose).
		const opening = /^\s*(`{3,}|~{3,})/.exec(raw)?.[1];
		if (fence) {
			if (opening && opening[0] === fence[0] && opening.length >= fence.length) fence = undefined;
			continue;
		}
		if (opening) {
			fence = opening;
			continue;
		}
		const text = raw
			.replace(/`[^`]*`/g, ' ')
			.replace(/\]\([^)]*\)/g, ']')
			.replace(/<!--.*?-->|\{\s*\/\*.*?\*\/\s*\}/g, ' ')
			.replace(/<\/?[A-Za-z][^<>]*>/g, ' ')
			.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, ' ')
			.replace(/^\s*(?:import|export)\s.*$/, '');
		if (text.trim()) prose.push({ text, line: source.bodyLine + index, field: ['body'] });
	}
	return prose;
}
