import { parse as parseYaml } from 'yaml';
import { detectFormat, type AdrFormat } from './detect-format';

/** Something of a record the import could not carry over, at a line of the source file. */
export interface ImportNote {
	line: number;
	message: string;
}

/** A link the record makes to another record, as written (relative to the record's file). */
export interface RecordLink {
	url: string;
	line: number;
}

/** What one decision record says, read from its Markdown, before it is numbered and written. */
export interface AdrRecord {
	format: AdrFormat;
	/** `undefined` when the record has no H1 and no `title:` (the caller names it after the file). */
	title?: string;
	/** The status as written ("Accepted", "superseded by [ADR-0005](0005-example.md)"), with its line. */
	status?: { text: string; line: number };
	date?: { text: string; line: number };
	deciders: string[];
	consulted: string[];
	tags: string[];
	/** Records this one replaces ("Supersedes [..](..)"). */
	supersedes: RecordLink[];
	/** Records that replace this one ("Superseded by [..](..)"). */
	supersededBy: RecordLink[];
	/** The Markdown that becomes the decision's body: no front matter, no H1, no metadata lines. */
	body: string;
	/** Line of the source file where `body` starts (1-based), so notes about the body name source lines. */
	bodyLine: number;
	notes: ImportNote[];
}

/** Metadata keys of MADR front matter and metadata lists, and where each goes. */
const KEYS: Record<string, 'status' | 'date' | 'deciders' | 'consulted' | 'tags' | 'title'> = {
	status: 'status',
	date: 'date',
	deciders: 'deciders',
	'decision-makers': 'deciders',
	'decision makers': 'deciders',
	consulted: 'consulted',
	tags: 'tags',
	category: 'tags',
	categories: 'tags',
	title: 'title',
};

/** `* Status: accepted`, `- Date: 2020-09-24`, `Date: 2016-02-12` (MADR 2, log4brains, adr-tools). */
const META_LINE =
	/^(?:[*-][ \t]+)?(status|date|deciders|decision[- ]makers|consulted|informed|tags|category|categories)[ \t]*:[ \t]*(.*)$/i;
const SUPERSEDED_BY = /^(?:[*-][ \t]+)?supe(?:rs|rc)ee?ded[ \t]+by[ \t:]+(.*)$/i;
const SUPERSEDES = /^(?:[*-][ \t]+)?supe(?:rs|rc)edes[ \t:]+(.*)$/i;
const LINK = /\[[^\]]*\]\(([^)\s]+)(?:[ \t]+"[^"]*")?\)/g;

/**
 * Reads one record of any supported dialect (MADR 2–4 with or without front matter, Nygard /
 * adr-tools, log4brains). Text that is not metadata stays in the body untouched.
 */
export function readRecord(text: string, fileName: string): AdrRecord {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const record: AdrRecord = {
		format: 'markdown',
		deciders: [],
		consulted: [],
		tags: [],
		supersedes: [],
		supersededBy: [],
		body: '',
		bodyLine: 1,
		notes: [],
	};
	let index = 0;
	const hasFrontMatter = lines[0]?.trim() === '---' && lines.slice(1).some((line) => line.trim() === '---');
	if (hasFrontMatter) index = readFrontMatter(lines, record);
	const keep = new Array<boolean>(lines.length).fill(true);
	for (let i = 0; i < index; i++) keep[i] = false;

	// The H1: the first heading of level 1 before any other heading (outside code fences).
	const fences = fencedLines(lines);
	for (let i = index; i < lines.length; i++) {
		if (fences[i]) continue;
		const h1 = /^#[ \t]+(.+?)[ \t#]*$/.exec(lines[i]!);
		if (h1) {
			record.title ??= cleanTitle(h1[1]!);
			keep[i] = false;
			index = i + 1;
			break;
		}
		if (/^#{2,6}[ \t]/.test(lines[i]!)) break;
	}

	// A block of metadata lines right after the H1 (blank lines between them allowed).
	for (let i = index; i < lines.length; i++) {
		const line = lines[i]!;
		if (line.trim() === '') continue;
		const meta = META_LINE.exec(line.trim());
		if (!meta) break;
		const key = meta[1]!.toLowerCase();
		const value = meta[2]!.trim();
		if (key === 'informed') {
			record.notes.push({ line: i + 1, message: `"${line.trim()}": a decision has no "informed" field; the line stays in the text` });
			index = i + 1;
			continue;
		}
		assign(record, KEYS[key]!, value, i + 1);
		keep[i] = false;
		index = i + 1;
	}

	// Nygard / adr-tools: a "## Status" section whose lines are a status and supersession links.
	for (let i = index; i < lines.length; i++) {
		if (fences[i] || !/^##[ \t]+status[ \t#]*$/i.test(lines[i]!.trim())) continue;
		let end = i + 1;
		while (end < lines.length && !(/^#{1,2}[ \t]/.test(lines[end]!) && !fences[end])) end++;
		const content = lines
			.slice(i + 1, end)
			.map((line, offset) => ({ line: line.trim(), number: i + 2 + offset }))
			.filter(({ line }) => line !== '');
		const relation = (line: string) => /\[[^\]]*\]\([^)]+\)/.test(line);
		const isStatusWord = (line: string) => /^[\p{L} ,.-]+$/u.test(line);
		const understood = content.every(
			({ line }) => SUPERSEDED_BY.test(line) || SUPERSEDES.test(line) || relation(line) || isStatusWord(line),
		);
		if (!understood || content.length === 0) {
			record.notes.push({ line: i + 1, message: 'the "Status" section holds more than a status; it stays in the text' });
			break;
		}
		for (const { line, number } of content) {
			if (isStatusWord(line)) record.status ??= { text: line, line: number };
		}
		// Other relations ("Amended by [9. Help scripts](…)") stay as text at the top of the body.
		const kept = new Set(
			content.filter(({ line }) => relation(line) && !SUPERSEDED_BY.test(line) && !SUPERSEDES.test(line)).map(({ number }) => number - 1),
		);
		for (let j = i; j < end; j++) keep[j] = kept.has(j) || (lines[j]!.trim() === '' && kept.has(j - 1));
		break;
	}

	// "Superseded by" and "Supersedes" lines anywhere outside code (a Links section, the Status section).
	lines.forEach((line, i) => {
		if (fences[i]) return;
		const by = SUPERSEDED_BY.exec(line.trim()) ?? SUPERSEDED_BY.exec(record.status?.line === i + 1 ? record.status.text : '');
		if (by) record.supersededBy.push(...linksIn(by[1]!, i + 1));
		const of = SUPERSEDES.exec(line.trim());
		if (of) record.supersedes.push(...linksIn(of[1]!, i + 1));
	});
	const first = keep.findIndex((kept, i) => kept && lines[i]!.trim() !== '');
	const bodyStart = first === -1 ? lines.length : first;
	record.body = lines
		.filter((_, i) => i >= bodyStart && keep[i])
		.join('\n')
		.replace(/\s+$/, '');
	record.bodyLine = bodyStart + 1;
	record.body = record.body ? `${record.body}\n` : '';
	record.format = detectFormat({ hasFrontMatter, text, fileName });
	if (!record.title) record.notes.push({ line: 1, message: 'no "# Title" line and no "title:" field; the title comes from the file name' });
	return record;
}

/** Which source line each line of the body came from, so notes about the body name source lines. */
export function bodySourceLines(text: string, record: AdrRecord): number[] {
	const source = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const body = record.body.split('\n');
	const result: number[] = [];
	let at = record.bodyLine - 1;
	for (const line of body) {
		while (at < source.length && source[at] !== line) at++;
		result.push(at < source.length ? at + 1 : record.bodyLine);
		if (at < source.length) at++;
	}
	return result;
}

/** Reads the YAML front matter; returns the index of the line after its closing `---`. */
function readFrontMatter(lines: string[], record: AdrRecord): number {
	const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
	let data: unknown;
	try {
		data = parseYaml(lines.slice(1, end).join('\n'));
	} catch (error) {
		record.notes.push({
			line: 1,
			message: `the front matter is not valid YAML (${(error as Error).message.split('\n')[0]}); it was left out`,
		});
		return end + 1;
	}
	if (!data || typeof data !== 'object' || Array.isArray(data)) return end + 1;
	const unmapped: string[] = [];
	for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
		const line = 1 + lines.slice(1, end).findIndex((text) => text.startsWith(`${key}:`)) + 1;
		const target = KEYS[key.toLowerCase()];
		if (!target) {
			unmapped.push(key);
			continue;
		}
		if (value === null || value === undefined || value === '') continue;
		if (target === 'date' && value instanceof Date) assign(record, target, value.toISOString().slice(0, 10), line);
		else if (Array.isArray(value)) assign(record, target, value.map(String).join(', '), line);
		else assign(record, target, String(value), line);
	}
	if (unmapped.length)
		record.notes.push({
			line: 1,
			message: `front matter field${unmapped.length > 1 ? 's' : ''} ${unmapped.join(', ')} not mapped (a decision has no such field)`,
		});
	return end + 1;
}

function assign(record: AdrRecord, target: (typeof KEYS)[string], value: string, line: number): void {
	if (target === 'status') record.status ??= { text: value, line };
	else if (target === 'date') record.date ??= { text: value, line };
	else if (target === 'title') record.title ??= cleanTitle(value);
	else record[target].push(...names(value));
}

/** "Alice, Bob and Carol" → three names; MADR template placeholders ("{list everyone}") are dropped. */
function names(value: string): string[] {
	return value
		.replace(/^\[|\]$/g, '')
		.split(/,|;|\band\b/)
		.map((name) => name.trim())
		.filter((name) => name !== '' && !/^[{<[]/.test(name));
}

/** "4. Markdown format" → "Markdown format"; "Architecture Decision Record: X" and "ADR-0053: X" → "X". */
export function cleanTitle(title: string): string {
	return title
		.replace(/^(?:architecture\s+decision\s+record|adr)\b[\s#-]*\d*\s*[:.–—-]?\s*/i, '')
		.replace(/^\d+\.\s+/, '')
		.replace(/^\d+\s*[:–—-]\s*/, '')
		.trim();
}

function linksIn(text: string, line: number): RecordLink[] {
	return [...text.matchAll(LINK)].map((match) => ({ url: match[1]!, line }));
}

/** True for lines inside (or delimiting) a fenced code block. */
export function fencedLines(lines: string[]): boolean[] {
	const result: boolean[] = [];
	let fence: string | undefined;
	for (const line of lines) {
		const marker = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
		if (fence === undefined && marker) {
			fence = marker;
			result.push(true);
		} else if (fence !== undefined) {
			result.push(true);
			if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = undefined;
		} else result.push(false);
	}
	return result;
}
