import path from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { compileBody } from '@/check/compile-body';
import { listFiles } from '@/lib/list-files';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';
import { parseSource } from '@/loader/source-file';
import { fixMdxBody, type MdxFix } from './fix-mdx';
import { unifiedDiff } from './unified-diff';

/** What `check --fix` would change in one MDX file, with lines counted in the file. */
export interface FileFix {
	/** Path as shown (relative to the display root, forward slashes). */
	file: string;
	absolute: string;
	before: string;
	after: string;
	fixes: MdxFix[];
	/** Line of an error left for the author (no safe rewrite exists), if any. */
	unfixedLine?: number;
	/** The fixed body uses no component: the file could be plain Markdown (.md). */
	needsNoComponents: boolean;
}

/**
 * Finds every `.mdx` file under `contentDir` whose body does not compile or names something
 * undefined, and rewrites its pitfalls with `fixMdxBody`. Bodies the check already compiled
 * cleanly (remembered in `checkCache`) are skipped without compiling. Writes nothing.
 */
export async function fixContent(contentDir: string, checkCache: string, displayRoot: string): Promise<FileFix[]> {
	const files = (await listFiles(contentDir)).filter((file) => file.endsWith('.mdx'));
	const results = await mapLimit(files, FILE_CONCURRENCY, async (relative): Promise<FileFix | undefined> => {
		const absolute = path.join(contentDir, relative);
		const file = path.relative(displayRoot, absolute).split(path.sep).join('/');
		const before = await readFile(absolute, 'utf8');
		const source = parseSource(before, file);
		if (source.syntaxErrors.length || (await compileBody(source.body, 'mdx', checkCache)).ok) return undefined;
		const fixed = await fixMdxBody(source.body);
		if (fixed.fixes.length === 0 && fixed.unfixedLine === undefined) return undefined;
		const toFile = (line: number) => line + source.bodyLine - 1;
		return {
			file,
			absolute,
			before,
			after: before.slice(0, before.length - source.body.length) + fixed.body,
			fixes: fixed.fixes.map((fix) => ({ ...fix, line: toFile(fix.line) })).sort((a, b) => a.line - b.line),
			...(fixed.unfixedLine === undefined ? {} : { unfixedLine: toFile(fixed.unfixedLine) }),
			needsNoComponents: fixed.needsNoComponents,
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
