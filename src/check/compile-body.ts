import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { readSmallFile } from '@/lib/small-files';
import { createRequire } from 'node:module';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import type { Nodes, Root } from 'mdast';
import { collectMermaidFences, type MermaidFence } from './check-diagrams';
import { undefinedNames, type UndefinedName } from './undefined-names';
import { remoteResourcesInHtml, remoteResourcesOfElement, type BodyResource } from './remote-resources';

/** Bump when what is stored changes, so older entries are ignored. */
const CACHE_FORMAT = 5;

/** At most this many syntax errors are collected from one body; after that the rest is left unchecked. */
const MAX_SYNTAX_ERRORS = 50;

/** A syntax error of a body; `rule` is the MDX parser's rule id (`unexpected-character`, `acorn`…). */
export interface BodySyntaxError {
	line: number;
	reason: string;
	rule?: string;
}

/** An image the body shows (`![](url)` or `<img src>`), with its line in the body. */
export interface BodyImage {
	line: number;
	url: string;
}

/** The outcome of compiling one body; lines are counted from the body's first line (1). */
export interface CompiledBody {
	/** True when the body has no syntax error and no undefined name: the build will render it. */
	ok: boolean;
	/** Every syntax error found, in line order. */
	syntaxErrors: BodySyntaxError[];
	/** Lines after the last syntax error that the parser could not reach (0 when all were checked). */
	uncheckedLines: number;
	/** The line of the error after which the parser could not go on, when `uncheckedLines` is set. */
	stoppedAt?: number;
	/** Expressions and components that name something the body neither imports nor defines. */
	undefinedNames: UndefinedName[];
	fences: Array<{ line: number; source: string }>;
	images: BodyImage[];
	/** Links the body makes (`[text](url)`, `[ref]: url`, `<a href>`), with their lines, for `check-links.ts`. */
	links: BodyImage[];
	/** Scripts, frames, media, stylesheets and CSS `url()`s the body loads from other sites. */
	resources: BodyResource[];
}

/** The installed MDX compiler's version (its package.json is not exported, so found beside its entry point). */
const mdxVersion = (
	JSON.parse(readFileSync(path.join(path.dirname(createRequire(import.meta.url).resolve('@mdx-js/mdx')), 'package.json'), 'utf8')) as {
		version: string;
	}
).version;

/**
 * Compiles a Markdown or MDX body to find its syntax errors, undefined names, images and Mermaid
 * fences. The MDX parser stops at the first syntax error, so the body is compiled again with the
 * offending line blanked (line numbers stay the same) until it compiles, reporting every error in
 * one run; when an error comes from an earlier line than the last one (an unclosed construct) the
 * rest cannot be checked and `uncheckedLines` says how much that is.
 *
 * Astro compiles every body again when it builds, so `glasshouse check` remembers the bodies that
 * compiled cleanly (by their exact text, format and MDX version) and skips them next time.
 * Failures are never remembered, so they are reported every time. An unreadable or unwritable
 * cache only costs time. `cacheDir` is the build context's `checkCache`: never in the output.
 */
export async function compileBody(body: string, format: 'md' | 'mdx', cacheDir: string): Promise<CompiledBody> {
	const key = createHash('sha256')
		.update(JSON.stringify([CACHE_FORMAT, mdxVersion, format, body]))
		.digest('hex');
	const file = path.join(cacheDir, `${key}.json`);
	// Read in one synchronous call (see `readSmallFile`): a check of a large agency reads thousands.
	let cached: CompiledBody | undefined;
	try {
		cached = JSON.parse(readSmallFile(file).toString('utf8')) as CompiledBody;
	} catch {
		cached = undefined;
	}
	if (cached?.ok) return cached;
	const lines = body.split('\n');
	const syntaxErrors: BodySyntaxError[] = [];
	const blanked = new Set<number>();
	for (;;) {
		const found: Found = { fences: [], images: [], links: [], names: [], resources: [] };
		const error = atOpening(await compileOnce(lines.join('\n'), format, found), lines);
		if (!error) {
			const result: CompiledBody = {
				ok: syntaxErrors.length === 0 && found.names.length === 0,
				syntaxErrors: syntaxErrors.sort((a, b) => a.line - b.line),
				uncheckedLines: 0,
				undefinedNames: found.names,
				fences: found.fences.map(({ line, source }) => ({ line, source })),
				images: found.images,
				links: found.links,
				resources: found.resources,
			};
			if (result.ok) await writeAtomically(file, JSON.stringify(result)).catch(() => undefined);
			return result;
		}
		// An error on a line already blanked comes from a construct opened before it (an unclosed
		// tag or brace): blanking more would only repeat it, so what follows is left unchecked.
		const repeated = blanked.has(error.line) || error.line > lines.length;
		if (repeated || syntaxErrors.length >= MAX_SYNTAX_ERRORS) {
			const stoppedAt = repeated ? Math.min(error.line, lines.length) : syntaxErrors.at(-1)!.line;
			const bodyLines = lines.length - (body.endsWith('\n') ? 1 : 0);
			if (repeated && !syntaxErrors.some((known) => known.line === stoppedAt)) syntaxErrors.push({ ...error, line: stoppedAt });
			syntaxErrors.sort((a, b) => a.line - b.line);
			const uncheckedLines = Math.max(0, bodyLines - stoppedAt);
			return { ok: false, syntaxErrors, uncheckedLines, stoppedAt, undefinedNames: [], fences: [], images: [], links: [], resources: [] };
		}
		syntaxErrors.push(error);
		blanked.add(error.line);
		lines[error.line - 1] = '';
	}
}

/**
 * An unclosed tag or quote is reported at the end of the file, where the parser ran out of text;
 * the author needs the line where it was opened: the last `<` that starts a tag before the end.
 */
function atOpening(error: BodySyntaxError | undefined, lines: readonly string[]): BodySyntaxError | undefined {
	if (!error || error.rule !== 'unexpected-eof' || !/tag|attribute/.test(error.reason)) return error;
	for (let index = Math.min(error.line, lines.length) - 1; index >= 0; index--)
		if (/<[A-Za-z]/.test(lines[index]!))
			return { ...error, line: index + 1, reason: `${error.reason} (the tag opened here is never closed)` };
	return error;
}

interface Found {
	fences: MermaidFence[];
	images: BodyImage[];
	links: BodyImage[];
	names: UndefinedName[];
	resources: BodyResource[];
}

/** One compile; returns its syntax error, or fills `found` from the parsed tree. */
async function compileOnce(body: string, format: 'md' | 'mdx', found: Found): Promise<BodySyntaxError | undefined> {
	try {
		await compile(body, {
			format,
			remarkPlugins: [
				collectMermaidFences('', 1, found.fences),
				collectImages(found.images, found.links, found.resources),
				() => (tree: Root) => void found.names.push(...undefinedNames(tree)),
			],
		});
		return undefined;
	} catch (error) {
		const { place, reason, ruleId } = error as { place?: { line?: number; start?: { line?: number } }; reason?: string; ruleId?: string };
		// Some errors carry their place only in the text: "… `<div>` (3:1-3:6) …".
		const inReason = /\((\d+):\d+-\d+:\d+\)/.exec(reason ?? '');
		return {
			line: place?.line ?? place?.start?.line ?? Number(inReason?.[1] ?? 1),
			reason: reason ?? String(error),
			...(ruleId ? { rule: ruleId } : {}),
		};
	}
}

/**
 * A remark plugin that records the images (Markdown images, `<img src>`), links and remote
 * resources (`<script src>`, `<iframe src>`, CSS `url()`…) of a body.
 */
function collectImages(into: BodyImage[], links: BodyImage[], resources: BodyResource[]) {
	return () => (tree: Root) => {
		const walk = (node: Nodes) => {
			const line = node.position?.start.line ?? 1;
			if (node.type === 'image') into.push({ line, url: node.url });
			if (node.type === 'link' || node.type === 'definition') links.push({ line, url: node.url });
			if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'a') {
				const target = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'href');
				if (target && typeof target.value === 'string') links.push({ line, url: target.value });
			}
			if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'img') {
				const src = node.attributes.find((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'src');
				if (src && typeof src.value === 'string') into.push({ line, url: src.value });
			}
			if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name) {
				const attributes: Record<string, string> = {};
				for (const attribute of node.attributes)
					if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') attributes[attribute.name] = attribute.value;
				for (const resource of remoteResourcesOfElement(node.name, attributes)) resources.push({ ...resource, line });
			}
			if (node.type === 'html') {
				for (const match of node.value.matchAll(/<img\b[^>]*\bsrc\s*=\s*["']([^"']+)["']/gi)) into.push({ line, url: match[1]! });
				resources.push(...remoteResourcesInHtml(node.value, line));
			}
			if ('children' in node) node.children.forEach(walk);
		};
		walk(tree);
	};
}

/** Through a temporary file, so a check that dies mid-write leaves no half entry behind. */
async function writeAtomically(file: string, text: string): Promise<void> {
	await mkdir(path.dirname(file), { recursive: true });
	const temporary = `${file}.${randomUUID()}.tmp`;
	await writeFile(temporary, text, 'utf8');
	await rename(temporary, file);
}
