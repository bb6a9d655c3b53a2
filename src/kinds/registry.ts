import { changeKind } from './change/kind';
import { clientKind } from './client/kind';
import { closeoutKind } from './closeout/kind';
import { decisionKind } from './decision/kind';
import { documentKind } from './document/kind';
import { faqKind } from './faq/kind';
import { feedbackKind } from './feedback/kind';
import { glossaryKind } from './glossary/kind';
import { meetingKind } from './meeting/kind';
import { milestoneKind } from './milestone/kind';
import { riskKind } from './risk/kind';
import { siteKind } from './site/kind';
import { updateKind } from './update/kind';
import { surveyKind } from './survey/kind';

/**
 * Every kind of content file (see `Kind`). The Astro collections, the loader, the checker, the
 * scaffolds' validation, search and the leak scan are derived from this list, so adding a kind is
 * one entry here plus its folder (`schema.ts`, `kind.ts`) and its pages.
 *
 * The order is the one the checker goes through a client's files in, and the search page lists
 * types in (the loader reads client.yaml, then the other single files, then the folders).
 */
const KINDS = [
	siteKind,
	clientKind,
	updateKind,
	decisionKind,
	milestoneKind,
	faqKind,
	riskKind,
	changeKind,
	meetingKind,
	feedbackKind,
	closeoutKind,
	glossaryKind,
	documentKind,
	surveyKind,
] as const;

export type AnyKind = (typeof KINDS)[number];
export type KindName = AnyKind['name'];
/** Kinds held in a folder of each client's folder (`updates/`). */
export type FolderKind = Extract<AnyKind, { where: { folder: string } }>;
/** Kinds of at most one file in each client's folder (`client.yaml`, `closeout.mdx`). */
export type ClientFileKind = Extract<AnyKind, { where: { collection: string } }>;
/** Kinds whose files are in a client's folder. */
export type ClientKind = FolderKind | ClientFileKind;
/** The Astro collection of a kind in a client's folder: its folder, or the one named for its single file. */
export type CollectionOf<K extends ClientKind> = K extends { where: { folder: infer Folder extends string } }
	? Folder
	: K extends { where: { collection: infer Collection extends string } }
		? Collection
		: never;
/** Kinds with pages in search. */
export type SearchableKind = Extract<AnyKind, { search: object }>;
/** The values of the search `type` filter. */
export type SearchType = SearchableKind['name'];

const isFolderKind = (kind: AnyKind): kind is FolderKind => 'folder' in kind.where;
const isClientFileKind = (kind: AnyKind): kind is ClientFileKind => 'collection' in kind.where;

/** Kinds in a client's folder, in the registry's order. */
export const CLIENT_KINDS: readonly ClientKind[] = KINDS.filter((kind) => isClientFileKind(kind) || isFolderKind(kind));
export const CLIENT_FILE_KINDS: readonly ClientFileKind[] = KINDS.filter(isClientFileKind);
export const FOLDER_KINDS: readonly FolderKind[] = KINDS.filter(isFolderKind);
/** Kinds with pages in search, in the order the search page lists them. */
export const SEARCHABLE_KINDS = KINDS.filter((kind): kind is SearchableKind => kind.search !== undefined);

/** The kind called `name` (as in `glasshouse new <name>`). */
export function kindNamed<Name extends KindName>(name: Name): Extract<AnyKind, { name: Name }> {
	return KINDS.find((kind) => kind.name === name) as Extract<AnyKind, { name: Name }>;
}

/** The Astro collection holding a kind's entries. */
export function collectionOf<K extends ClientKind>(kind: K): CollectionOf<K> {
	return ('folder' in kind.where ? kind.where.folder : kind.where.collection) as CollectionOf<K>;
}

/** The names a single file may have, the preferred first: `closeout.mdx`, `closeout.md`. */
export function fileNames(kind: ClientFileKind | typeof siteKind): string[] {
	const stem = 'file' in kind.where ? kind.where.file : kind.where.topFile;
	return kind.format.extensions.map((extension) => `${stem}${extension}`);
}

/** Whether a file in a kind's folder is one of its files (by extension). */
export function isFileOf(kind: FolderKind, name: string): boolean {
	return kind.format.extensions.some((extension) => name.endsWith(extension));
}

/**
 * A glob, relative to the content folder, of a kind's files in every client's folder, or only in
 * the folders of `clients` (a client-subset build: see `contentOfClients`). Client folder names are
 * slugs (lowercase letters, digits, hyphens), so they need no escaping.
 */
export function globOf(kind: ClientKind, clients?: readonly string[]): string {
	const extensions = kind.format.extensions.map((extension) => extension.slice(1));
	const extension = extensions.length === 1 ? extensions[0]! : `{${extensions.join(',')}}`;
	const folder = clientFolderGlob(clients);
	return 'folder' in kind.where ? `${folder}/${kind.where.folder}/*.${extension}` : `${folder}/${kind.where.file}.${extension}`;
}

/** `*`, one folder name, or a brace list: picomatch reads a one-name brace list (`{acme}`) literally. */
function clientFolderGlob(clients: readonly string[] | undefined): string {
	if (clients === undefined) return '*';
	if (clients.length === 1) return clients[0]!;
	return `{${clients.join(',')}}`;
}
