import { readFile } from 'node:fs/promises';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { ParseCachePart } from './parse-cache';

export type FieldPath = ReadonlyArray<string | number>;

/** A parsed content file that can say on which line a field sits. */
export interface SourceFile {
	/** Path as shown to the user (relative, forward slashes). */
	file: string;
	/** The parsed YAML (or frontmatter); `undefined` when it failed to parse. */
	data: unknown;
	/** The Markdown/MDX body after the frontmatter, or '' for YAML files. */
	body: string;
	/** 1-based line on which the body starts. */
	bodyLine: number;
	/** Parse problems (bad YAML, missing frontmatter), with lines. */
	syntaxErrors: Array<{ line: number; message: string }>;
	/** Best line for `path`: the key's own line, else the nearest existing parent's. */
	lineOf(path: FieldPath): number;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

/**
 * Reads a `.yaml`, `.md` or `.mdx` file; strings stay strings (dates are not turned into `Date`).
 * `text` is the file's text when a read of it is already under way.
 */
export async function readSourceFile(
	absolutePath: string,
	displayPath: string,
	text?: Promise<string>,
	cache?: ParseCachePart,
): Promise<SourceFile> {
	const content = await (text ?? readFile(absolutePath, 'utf8'));
	if (!cache) return parseSource(content, displayPath);
	const cached = cache.get(content, displayPath);
	if (cached) return cached;
	const { source, lines } = parseWithLines(content, displayPath);
	cache.put(content, source, lines);
	return source;
}

export function parseSource(text: string, file: string): SourceFile {
	return parseWithLines(text, file).source;
}

/** A parsed file and, for the parse cache, the line of every key and list item (see `lineOf`). */
function parseWithLines(text: string, file: string): { source: SourceFile; lines: Record<string, number> } {
	if (!/\.mdx?$/.test(file)) return fromYaml(text, file, 0, '', 1);
	const match = FRONTMATTER.exec(text);
	if (!match) {
		const empty = fromYaml('', file, 0, text, 1);
		empty.source.syntaxErrors.push({ line: 1, message: 'expected frontmatter between "---" lines at the top of the file, found none' });
		return empty;
	}
	const bodyLine = match[0].split('\n').length;
	return fromYaml(match[1] ?? '', file, 1, text.slice(match[0].length), bodyLine);
}

function fromYaml(
	yaml: string,
	file: string,
	lineOffset: number,
	body: string,
	bodyLine: number,
): { source: SourceFile; readonly lines: Record<string, number> } {
	const counter = new LineCounter();
	const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
	const lineAt = (offset: number) => counter.linePos(offset).line + lineOffset;
	const syntaxErrors = doc.errors.map((error) => ({
		line: lineAt(error.pos[0]),
		message: `expected valid YAML, found ${error.message.split('\n')[0]}`,
	}));
	return {
		source: {
			file,
			data: syntaxErrors.length ? undefined : (doc.toJS() ?? {}),
			body,
			bodyLine,
			syntaxErrors,
			lineOf: (path) => lineAt(offsetOf(doc, path)),
		},
		// Only the parse cache needs the whole table: made when asked.
		get lines() {
			return allLines(doc, lineAt);
		},
	};
}

/**
 * The line of every path `offsetOf` can reach, keyed by `JSON.stringify` of the path as strings:
 * `lineOf` of a missing path is then the line of its longest stored prefix, as `offsetOf` gives.
 */
function allLines(doc: Document, lineAt: (offset: number) => number): Record<string, number> {
	const lines: Record<string, number> = {};
	const visit = (node: unknown, path: string[], offset: number) => {
		lines[JSON.stringify(path)] = lineAt(offset);
		if (isMap(node)) {
			for (const pair of node.items) {
				if (!isScalar(pair.key)) continue;
				const keyPath = [...path, String(pair.key.value)];
				// The first of two equal keys is the one `offsetOf` finds.
				if (JSON.stringify(keyPath) in lines) continue;
				visit(pair.value, keyPath, (pair.key as YamlNode).range?.[0] ?? offset);
			}
		} else if (isSeq(node)) {
			node.items.forEach((item, index) => visit(item, [...path, String(index)], (item as YamlNode | null)?.range?.[0] ?? offset));
		}
	};
	visit(doc.contents, [], (doc.contents as YamlNode | null)?.range?.[0] ?? 0);
	return lines;
}

function offsetOf(doc: Document, path: FieldPath): number {
	let node: unknown = doc.contents;
	let offset = (doc.contents as YamlNode | null)?.range?.[0] ?? 0;
	for (const segment of path) {
		if (isMap(node)) {
			const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
			if (!pair) break;
			offset = (pair.key as YamlNode).range?.[0] ?? offset;
			node = pair.value;
		} else if (node && typeof node === 'object' && 'items' in node && Array.isArray(node.items)) {
			const item = node.items[Number(segment)] as YamlNode | undefined;
			if (!item) break;
			offset = item.range?.[0] ?? offset;
			node = item;
		} else {
			break;
		}
	}
	return offset;
}
