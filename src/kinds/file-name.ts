import path from 'node:path';
import type { FieldPath } from '@/loader/source-file';

/** What is wrong with a file's name, given what the file holds. */
export interface FileNameProblem {
	field: FieldPath;
	message: string;
	/** How the author should rename the file; left out by the scaffolds, which chose the name themselves. */
	fix?: string;
}

/** The name of one file: `0007-short-title` in `0007-short-title.mdx`. */
export interface FileName {
	/** Without extension. */
	stem: string;
	/** With extension, as the author wrote it. */
	file: string;
}

/** The name of the file at `file` (a path). */
export function fileNameOf(file: string): FileName {
	const name = path.basename(file);
	return { stem: name.replace(/\.[^.]+$/, ''), file: name };
}

/** Checks that a file's name fits what the file holds. */
type FileNameRule<T> = (name: FileName, value: T) => FileNameProblem | undefined;

/** Numbered records: `0007-short-title.mdx`. */
const NUMBERED_FILE = /^(\d{4})-[a-z0-9-]+$/;
/** A date, then words: `2026-10-06-steering.mdx`. */
const DATED_FILE = /^(\d{4}-\d{2}-\d{2})-[a-z0-9-]+$/;

/** Named after a date field and nothing else: `updates/2026-01-09.mdx`. */
export function namedByDate<Field extends string>(field: Field): FileNameRule<Record<Field, string>> {
	return ({ stem }, value) =>
		stem === value[field]
			? undefined
			: { field: [field], message: `expected the file name's date (${stem}), found ${value[field]}`, fix: 'name the file <date>.mdx' };
}

/** Named after an id field: `risks/data-migration.yaml`. */
export function namedById<Field extends string>(field: Field): FileNameRule<Record<Field, string>> {
	return ({ stem }, value) =>
		stem === value[field] ? undefined : { field: [field], message: `expected "${stem}" to match the file name, found "${value[field]}"` };
}

/** A four-digit number matching a number field, then words: `decisions/0007-short-title.mdx`. */
export function numbered<Field extends string>(field: Field, example: string): FileNameRule<Record<Field, number>> {
	return ({ stem, file }, value) => {
		const prefix = NUMBERED_FILE.exec(stem);
		if (!prefix) return { field: [], message: `expected a file name like ${example}, found "${file}"` };
		if (Number(prefix[1]) !== value[field])
			return { field: [field], message: `expected ${Number(prefix[1])} to match the file name, found ${value[field]}` };
		return undefined;
	};
}

/** A date matching a date field, then words: `meetings/2026-10-06-steering.mdx`. */
export function datedWords<T extends Record<Field, string>, Field extends string>(
	field: Field,
	example: (value: T) => string,
): FileNameRule<T> {
	return ({ stem, file }, value) => {
		const prefix = DATED_FILE.exec(stem);
		if (!prefix) return { field: [], message: `expected a file name like ${example(value)}, found "${file}"` };
		if (prefix[1] !== value[field])
			return { field: [field], message: `expected the file name's date (${prefix[1]}), found ${value[field]}` };
		return undefined;
	};
}
