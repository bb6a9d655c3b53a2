import type { AnyZodObject, RefinementCtx, ZodTypeAny, z } from 'zod';
import type { MessageKey } from '@/i18n/translate';
import type { FileName, FileNameProblem } from './file-name';

/** How a kind's files are written. */
export interface FileFormat {
	/** The extensions read, the one the scaffolds write first (it wins when a single file exists under both). */
	extensions: readonly string[];
	/** As the checker's messages name such a file: "a .md or .mdx file". */
	described: string;
	/** Whether a Markdown/MDX body follows the front matter (compiled by the checker, searched by the leak scan). */
	body: boolean;
}

/** Front matter and a Markdown or MDX body. */
export const MARKDOWN: FileFormat = { extensions: ['.mdx', '.md'], described: 'a .md or .mdx file', body: true };
/** Plain YAML data. */
export const YAML: FileFormat = { extensions: ['.yaml', '.yml'], described: 'a .yaml file', body: false };

/** Where a kind's files are. */
export type Place =
	/** A folder of files in each client's folder (`updates/2026-01-09.mdx`); it names the Astro collection too. */
	| { folder: string }
	/** At most one file in each client's folder (`closeout.mdx`), under any of the format's extensions. */
	| { file: string; collection: string }
	/** One file at the top of the content folder (`site.yaml`). */
	| { topFile: string };

/** Where the files of a kind in a client's folder are. */
export type ClientPlace = Exclude<Place, { topFile: string }>;

/**
 * A schema whose cross-field rules can also run on the fields that did validate, so a file with
 * one bad field still gets its other rules checked in the same run.
 */
export interface Salvage {
	/** The fields, without the rules. */
	object: AnyZodObject;
	/** The rules across fields, written for partial data. */
	rules: (value: never, ctx: RefinementCtx) => void;
}

/** A parsed entry as pages sort it: an Astro collection entry. */
export interface SortedEntry<T> {
	id: string;
	data: T;
}

/**
 * One kind of content file: everything the loader, the checker, the scaffolds, the Astro
 * collections, search and the leak scan need to know about it. Listed in `registry.ts`.
 */
export interface Kind<Name extends string = string, Schema extends ZodTypeAny = ZodTypeAny, Where extends Place = Place> {
	/** As in `glasshouse new <name>`; also the search `type` filter's value. */
	name: Name;
	/** Where its files are: a folder or one file in each client's folder, or a file of the whole site. */
	where: Where;
	/** How its files are written, and under which extensions. */
	format: FileFormat;
	/** What one file is called in messages ("close-out summary"), for a single file found under two names. */
	noun?: string;
	/** What a file's data must be; fields documented by JSDoc. */
	schema: Schema;
	/** The schema's fields and rules apart, when it has rules across fields (see `Salvage`). */
	salvage?: Salvage;
	// The two rules are methods so that a kind is still a `Kind` whatever its schema (methods' parameters are bivariant).
	/** How the file name must match the data (`0007-title`, `2026-01-09`, the id); any name when absent. */
	fileName?(name: FileName, value: z.output<Schema>): FileNameProblem | undefined;
	/** Order in which a client's pages list the entries; as the Astro collection holds them when absent. */
	order?(a: SortedEntry<z.output<Schema>>, b: SortedEntry<z.output<Schema>>): number;
	/**
	 * Its pages are indexed by Pagefind with the `type` filter set to `name`, labelled with this
	 * message. `explains`: its pages explain a subject (a question answered, a decision and its
	 * reasons), so search ranks them before dated records that hold the query's words as well
	 * (src/runtime/search/rank-sections.ts).
	 */
	search?: { label: MessageKey; explains?: boolean };
	/** Other files in its folder are attachments its entries name (documents/): the loader leaves them to the kind's own check. */
	attachments?: boolean;
}

/** Any kind of file in a client's folder, one of the registry's or a new one (the leak scan's tests make some). */
export type AnyClientKind = Kind<string, ZodTypeAny, ClientPlace>;

/** A kind as declared: the optional fields it gives are known to be there (`updateKind.order` is a function). */
type Declared<K extends Kind, Given extends keyof K> = K & { [Field in Given]-?: NonNullable<K[Field]> };

/**
 * Declares a kind, keeping the types the registry derives types from (collection names, the
 * loader's properties, which kinds are searched) and checking its rules against its schema.
 */
export function defineKind<
	const Name extends string,
	Schema extends ZodTypeAny,
	const Where extends Place,
	Given extends keyof Kind = never,
>(kind: Kind<Name, Schema, Where> & Record<Given, unknown>): Declared<Kind<Name, Schema, Where>, Given> {
	return kind as Declared<Kind<Name, Schema, Where>, Given>;
}
