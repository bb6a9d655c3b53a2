import path from 'node:path';
import { isRealIsoDate } from '@/kinds/common';
import type { DecisionStatus } from '@/kinds/decision/schema';
import { slugify } from '@/scaffold/slugify';
import type { AdrFormat } from './detect-format';
import { mapStatus } from './map-status';
import { bodySourceLines, readRecord, type AdrRecord, type ImportNote } from './read-record';
import { rewriteBody, type LinkTarget } from './rewrite-body';

/** One record file to import: its absolute path and text. */
export interface RecordFile {
	file: string;
	text: string;
}

export interface PlanInput {
	records: RecordFile[];
	/** The first free decision number of the client. */
	firstNumber: number;
	/** Date of a record that has none. */
	defaultDate: string;
	/** Status of a record that has none. */
	defaultStatus: DecisionStatus;
	/** Names already taken in the client's decisions folder (images keep their name unless taken). */
	takenNames: Set<string>;
	/** Whether the client's site is private (remote images become links). */
	privateClient: boolean;
	/** Whether a (local image) file exists. */
	isFile(file: string): boolean;
}

/** A decision the import will write, with what it could not carry over. */
export interface PlannedDecision {
	source: string;
	format: AdrFormat;
	number: number;
	/** File name in the client's decisions folder. */
	fileName: string;
	title: string;
	date: string;
	status: DecisionStatus;
	deciders: string[];
	consulted: string[];
	tags: string[];
	supersedes?: number;
	body: string;
	/** Local images to copy: source file → name beside the decision. */
	images: Map<string, string>;
	notes: ImportNote[];
}

/**
 * Turns record files into numbered decisions, in the order given (see `recordOrder`), numbered after the client's decisions, with statuses, dates and supersession mapped and links
 * between the records pointed at the decisions' pages. Reads no files itself (`isFile` aside).
 */
export function planImport(input: PlanInput): PlannedDecision[] {
	const ordered = input.records;
	const numbers = new Map(ordered.map(({ file }, index) => [withoutExtension(file), input.firstNumber + index]));
	const taken = new Set(input.takenNames);
	const read = ordered.map(({ file, text }) => ({ file, text, record: readRecord(text, path.basename(file)) }));

	const planned = read.map(({ file, text, record }, index): PlannedDecision => {
		const number = input.firstNumber + index;
		const notes = [...record.notes];
		const title = record.title || titleFromFileName(file);
		const mapped = record.status ? mapStatus(record.status.text) : undefined;
		let status: DecisionStatus;
		if (mapped) status = mapped;
		else if (record.supersededBy.length) status = 'superseded';
		else {
			status = input.defaultStatus;
			notes.push(
				record.status
					? {
							line: record.status.line,
							message: `status "${record.status.text}" means none of proposed, accepted, rejected, deprecated, superseded; imported as ${status}`,
						}
					: { line: 1, message: `no status found; imported as ${status}` },
			);
		}
		const resolve = (url: string, image: boolean): LinkTarget => resolveLink(file, url, image, numbers, input.isFile);
		const rewritten = rewriteBody({
			body: record.body,
			sourceLines: bodySourceLines(text, record),
			resolve,
			privateClient: input.privateClient,
			imageName: (image) => imageName(image, number, taken),
		});
		return {
			source: file,
			format: record.format,
			number,
			fileName: `${String(number).padStart(4, '0')}-${slugify(title) ?? 'decision'}.md`,
			title,
			date: dateOf(record, file, input.defaultDate, notes),
			status,
			deciders: record.deciders,
			consulted: record.consulted,
			tags: tagsOf(record, notes),
			body: rewritten.body,
			images: rewritten.images,
			notes: [...notes, ...rewritten.notes],
		};
	});

	linkSupersession(read, planned, numbers, input.isFile);
	for (const decision of planned) decision.notes.sort((a, b) => a.line - b.line);
	return planned;
}

/**
 * Supersession as our schema has it: the newer decision names the one older decision it replaces,
 * and the older is "superseded" once the newer is accepted. Both sides of the records are read
 * ("Supersedes" in the newer, "Superseded by" in the older); what cannot be kept is noted.
 */
function linkSupersession(
	read: { file: string; record: AdrRecord }[],
	planned: PlannedDecision[],
	numbers: Map<string, number>,
	isFile: (file: string) => boolean,
): void {
	const byNumber = new Map(planned.map((decision) => [decision.number, decision]));
	const pairs: { older: number; newer: number; line: number; in: PlannedDecision }[] = [];
	read.forEach(({ file, record }, index) => {
		const decision = planned[index]!;
		const target = (url: string) => resolveLink(file, url, false, numbers, isFile);
		for (const link of record.supersedes) {
			const found = target(link.url);
			if (found.kind === 'record') pairs.push({ older: found.number, newer: decision.number, line: link.line, in: decision });
			else decision.notes.push({ line: link.line, message: `supersedes ${link.url}, which is not among the imported records; not mapped` });
		}
		for (const link of record.supersededBy) {
			const found = target(link.url);
			if (found.kind === 'record') pairs.push({ older: decision.number, newer: found.number, line: link.line, in: decision });
			else
				decision.notes.push({ line: link.line, message: `superseded by ${link.url}, which is not among the imported records; not mapped` });
		}
	});
	const olderTaken = new Set<number>();
	for (const pair of pairs) {
		const older = byNumber.get(pair.older)!;
		const newer = byNumber.get(pair.newer)!;
		if (newer.supersedes === pair.older) continue;
		let problem: string | undefined;
		if (pair.older >= pair.newer || older.date > newer.date)
			problem = `decision ${pair.older} (${older.date}) can only be superseded by a later one, not by decision ${pair.newer} (${newer.date})`;
		else if (newer.supersedes !== undefined)
			problem = `decision ${pair.newer} already supersedes decision ${newer.supersedes}; a decision replaces one other`;
		else if (olderTaken.has(pair.older)) problem = `decision ${pair.older} is already superseded by another decision`;
		if (problem) {
			pair.in.notes.push({ line: pair.line, message: `supersession not mapped: ${problem}` });
			continue;
		}
		newer.supersedes = pair.older;
		olderTaken.add(pair.older);
		if (newer.status === 'accepted') older.status = 'superseded';
	}
	for (const decision of planned) {
		if (decision.status === 'superseded' && !olderTaken.has(decision.number)) {
			decision.status = 'deprecated';
			decision.notes.push({ line: 1, message: 'superseded by no imported record; imported as deprecated' });
		}
	}
}

function resolveLink(
	from: string,
	url: string,
	image: boolean,
	numbers: Map<string, number>,
	isFile: (file: string) => boolean,
): LinkTarget {
	let relative = url.split(/[?#]/)[0]!;
	try {
		relative = decodeURI(relative);
	} catch {
		// A malformed escape: the URL as written is the best guess.
	}
	const absolute = path.resolve(path.dirname(from), relative);
	const shown = path.relative(path.dirname(from), absolute) || relative;
	if (!image) {
		const stem = withoutExtension(absolute.replace(/[\\/]+$/, ''));
		const number = numbers.get(stem) ?? numbers.get(absolute.replace(/[\\/]+$/, ''));
		if (number !== undefined && (/\.mdx?$/i.test(relative) || !path.extname(relative) || relative.endsWith('/')))
			return { kind: 'record', number };
		if (/\.(?:png|jpe?g|gif|svg|webp|avif)$/i.test(relative) && isFile(absolute)) return { kind: 'image', file: absolute };
		return { kind: 'none', shown };
	}
	return isFile(absolute) ? { kind: 'image', file: absolute } : { kind: 'none', shown };
}

/** An image keeps its name beside the decision unless the name is taken; then the decision's number goes first. */
function imageName(file: string, number: number, taken: Set<string>): string {
	const base = path.basename(file).replace(/[^\w.-]+/g, '-');
	const name = taken.has(base) ? `${String(number).padStart(4, '0')}-${base}` : base;
	taken.add(name);
	return name;
}

function dateOf(record: AdrRecord, file: string, fallback: string, notes: ImportNote[]): string {
	const written = record.date?.text.match(/\d{4}-\d{2}-\d{2}/)?.[0];
	if (written && isRealIsoDate(written)) return written;
	if (record.date)
		notes.push({ line: record.date.line, message: `date "${record.date.text}" is not a YYYY-MM-DD date; ${dateFallbackWords(file)}` });
	const named = /^(\d{4})(\d{2})(\d{2})-/.exec(path.basename(file));
	if (named && isRealIsoDate(`${named[1]}-${named[2]}-${named[3]}`)) return `${named[1]}-${named[2]}-${named[3]}`;
	if (!record.date) notes.push({ line: 1, message: `no date found; dated ${fallback}` });
	return fallback;
}

function dateFallbackWords(file: string): string {
	return /^\d{8}-/.test(path.basename(file)) ? 'used the date of the file name' : 'used the default date';
}

/** Tags as our schema takes them: lowercase words joined by hyphens. */
function tagsOf(record: AdrRecord, notes: ImportNote[]): string[] {
	const tags: string[] = [];
	for (const tag of record.tags) {
		const slug = slugify(tag, 40);
		if (slug) tags.push(slug);
		else notes.push({ line: 1, message: `tag "${tag}" has no ASCII spelling; left out` });
	}
	return [...new Set(tags)];
}

/** Records of a folder sort as their file names number them (`0007-…`, `adr-007-…`, `20201016-…`), then by name. */
export function recordOrder(a: string, b: string): number {
	const key = (file: string) => `${(/\d+/.exec(path.basename(file))?.[0] ?? '').padStart(12, '0')}|${path.basename(file)}`;
	return key(a).localeCompare(key(b));
}

function withoutExtension(file: string): string {
	return file.replace(/\.mdx?$/i, '');
}

/** "0005-use-dashes-in-filenames.md" → "Use dashes in filenames". */
function titleFromFileName(file: string): string {
	const words = path
		.basename(file)
		.replace(/\.[^.]+$/, '')
		.replace(/^(?:adr[-_]?)?\d+[-_]/i, '')
		.replace(/[-_]+/g, ' ')
		.trim();
	return words ? words[0]!.toUpperCase() + words.slice(1) : 'Decision';
}
