import path from 'node:path';
import { defaultCaches, type BuildContext } from '@/build-context/build-context';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';
import { checkPlaceholders } from './check-placeholders';
import { checkDiagrams, type MermaidFence } from './check-diagrams';
import { compileBody } from './compile-body';
import { checkReferences } from './check-references';
import { checkRisks } from './check-risks';
import { checkChanges } from './check-changes';
import { checkMeetings } from './check-meetings';
import { checkCloseout } from './check-closeout';
import { checkUnrevokedAccess } from './check-unrevoked-access';
import { loadContent, parsedFiles, type LoadedClient, type LoadedContent } from '@/loader/load-content';
import { CLIENT_KINDS } from '@/kinds/registry';
import type { Problem } from './problem';

interface CheckOptions extends Partial<Pick<BuildContext, 'checkCache' | 'diagramCache'>> {
	/** Day the staleness warnings are measured against: the build context's `today`. */
	today: string;
	/** Root that problem paths are shown relative to. */
	displayRoot?: string;
}

export interface CheckResult extends LoadedContent {
	errors: Problem[];
	warnings: Problem[];
}

/** Everything `npm run check` does: every file, every rule, every problem in one pass. */
export async function checkContent(contentDir: string, options: CheckOptions): Promise<CheckResult> {
	const { today } = options;
	// The CLI passes the build context's caches; other callers (tests) get the project's defaults.
	const defaults = defaultCaches(process.cwd());
	const caches = { checkCache: options.checkCache ?? defaults.checkCache, diagramCache: options.diagramCache ?? defaults.diagramCache };
	const loaded = await loadContent(path.resolve(contentDir), options.displayRoot);
	const problems = [...loaded.problems];
	const fences: MermaidFence[] = [];
	for (const client of loaded.clients) {
		problems.push(...checkReferences(client, today));
		problems.push(...checkRisks(client, today), ...checkChanges(client), ...checkMeetings(client), ...checkCloseout(client));
		problems.push(...(await checkBodies(client, fences, caches.checkCache)));
		problems.push(...checkPlaceholders(client));
	}
	// All clients' diagrams at once: at most one browser for the whole check.
	problems.push(...(await checkDiagrams(fences, caches.diagramCache)));
	// All clients' access history at once: two git processes for the whole check.
	problems.push(...(await checkUnrevokedAccess(path.resolve(contentDir), loaded.clients)));
	problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
	return {
		...loaded,
		problems,
		errors: problems.filter((problem) => problem.severity === 'error'),
		warnings: problems.filter((problem) => problem.severity === 'warning'),
	};
}

const KINDS_WITH_BODY = CLIENT_KINDS.filter((kind) => kind.format.body);

/**
 * Compiles each Markdown/MDX body so a syntax error is reported with its line before Astro meets it,
 * and collects the mermaid fences found on the way into `fences`.
 */
async function checkBodies(client: LoadedClient, fences: MermaidFence[], cacheDir: string): Promise<Problem[]> {
	const problems: Problem[] = [];
	const entries = parsedFiles(client, KINDS_WITH_BODY);
	// Several at a time: remembered bodies are only read from the cache (see compile-body.ts).
	const results = await mapLimit(entries, FILE_CONCURRENCY, ({ source }) =>
		compileBody(source.body, source.file.endsWith('.mdx') ? 'mdx' : 'md', cacheDir),
	);
	for (const [index, { source }] of entries.entries()) {
		const result = results[index]!;
		if (result.ok) {
			for (const fence of result.fences) fences.push({ file: source.file, line: source.bodyLine + fence.line - 1, source: fence.source });
		} else {
			problems.push({
				severity: 'error',
				file: source.file,
				line: source.bodyLine + result.line - 1,
				field: 'body',
				message: `expected valid ${source.file.endsWith('.mdx') ? 'MDX' : 'Markdown'}, found an error: ${result.reason}`,
			});
		}
	}
	return problems;
}
