import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { compileBody } from '@/check/compile-body';
import { clientPages, pageOf } from '@/check/check-links';
import { CLIENT_KINDS } from '@/kinds/registry';
import { loadContent, parsedFiles } from '@/loader/load-content';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';
import { parseSource } from '@/loader/source-file';
import { fixBodyLinks } from './fix-links';
import { fixMdxBody, type MdxFix } from './fix-mdx';
import { unifiedDiff } from './unified-diff';

/** What `check --fix` would change in one Markdown or MDX file, with lines counted in the file. */
export interface FileFix {
	/** Path as shown (relative to the display root, forward slashes). */
	file: string;
	absolute: string;
	before: string;
	after: string;
	/** The MDX rewrites and the links rewritten to the page they meant, in line order. */
	fixes: MdxFix[];
	/** Line of an error left for the author (no safe rewrite exists), if any. */
	unfixedLine?: number;
	/** The fixed body uses no component: the file could be plain Markdown (.md). */
	needsNoComponents: boolean;
}

/** The kinds whose files have a body. */
const KINDS_WITH_BODY = CLIENT_KINDS.filter((kind) => kind.format.body);

/**
 * Finds the fixable pitfalls of every body under `contentDir`: in an `.mdx` file that does not
 * compile or names something undefined, the MDX pitfalls (`fixMdxBody`); in any body that
 * compiles, links between the client's pages that lead to no page but name an existing entry
 * (`fixBodyLinks`). Bodies the check already compiled are read from `checkCache` without
 * compiling. Writes nothing.
 */
export async function fixContent(contentDir: string, checkCache: string, displayRoot: string): Promise<FileFix[]> {
	const loaded = await loadContent(contentDir, displayRoot);
	const bodies = loaded.clients.flatMap((client) => {
		const pages = clientPages(client);
		return parsedFiles(client, KINDS_WITH_BODY).map(({ source }) => ({ file: source.file, slug: client.slug, pages }));
	});
	const results = await mapLimit(bodies, FILE_CONCURRENCY, async ({ file, slug, pages }): Promise<FileFix | undefined> => {
		const absolute = path.resolve(displayRoot, file);
		const before = await readFile(absolute, 'utf8');
		const source = parseSource(before, file);
		if (source.syntaxErrors.length) return undefined;
		const format = file.endsWith('.mdx') ? 'mdx' : 'md';
		let body = source.body;
		let compiled = await compileBody(body, format, checkCache);
		const fixes: MdxFix[] = [];
		let unfixedLine: number | undefined;
		let needsNoComponents = false;
		if (format === 'mdx' && !compiled.ok) {
			const fixed = await fixMdxBody(body);
			({ body, unfixedLine, needsNoComponents } = fixed);
			fixes.push(...fixed.fixes);
			if (fixed.fixes.length) compiled = await compileBody(body, format, checkCache);
		}
		// Links are only known once the body parses.
		if (compiled.syntaxErrors.length === 0) {
			const linked = fixBodyLinks(body, compiled.links, pageOf(file, slug), pages);
			body = linked.body;
			fixes.push(...linked.fixes);
		}
		if (fixes.length === 0 && unfixedLine === undefined) return undefined;
		const toFile = (line: number) => line + source.bodyLine - 1;
		return {
			file,
			absolute,
			before,
			after: before.slice(0, before.length - source.body.length) + body,
			fixes: fixes.map((fix) => ({ ...fix, line: toFile(fix.line) })).sort((a, b) => a.line - b.line),
			...(unfixedLine === undefined ? {} : { unfixedLine: toFile(unfixedLine) }),
			needsNoComponents,
		};
	});
	return results.filter((result): result is FileFix => result !== undefined);
}

/**
 * What to print for one file: its diff, then what is left for the author, and (before anything is
 * written) that a file without components could be plain Markdown instead, which needs none of
 * these escapes (once written, its `{/* … *\/}` comments would show as text in a .md file).
 */
export function describeFileFix(fix: FileFix, written: boolean): string[] {
	const lines: string[] = [];
	if (fix.before !== fix.after) lines.push(unifiedDiff(fix.file, fix.before, fix.after));
	if (fix.unfixedLine !== undefined)
		lines.push(`${fix.file}:${fix.unfixedLine}  no safe rewrite for this MDX error: fix it by hand (\`glasshouse check\` says how)`);
	if (fix.needsNoComponents && !written)
		lines.push(
			`${fix.file}: uses no components, so instead of these rewrites you could rename it to ${path.posix.basename(fix.file).replace(/\.mdx$/, '.md')} (git mv): Markdown needs no escapes for <https://…> links, <!-- comments --> or braces`,
		);
	return lines;
}

/** Writes the fixed files. */
export async function writeFileFixes(fixes: readonly FileFix[]): Promise<void> {
	for (const fix of fixes) if (fix.before !== fix.after) await writeFile(fix.absolute, fix.after, 'utf8');
}
