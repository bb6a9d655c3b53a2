import path from 'node:path';
import { defaultCaches, type BuildContext } from '@/build-context/build-context';
import { FILE_CONCURRENCY, mapLimit } from '@/lib/map-limit';
import { checkPlaceholders } from './check-placeholders';
import { checkFutureDates } from './check-future-dates';
import { checkForeignFrontMatter } from './check-foreign-front-matter';
import { checkDiagrams, type MermaidFence } from './check-diagrams';
import { closeIdleDiagramBrowser } from '@/mermaid/diagram-session';
import { compileBody } from './compile-body';
import { describeMdxError } from './describe-issue';
import { checkImage } from './check-images';
import {
	describeLocalResource,
	describeRemoteResource,
	describeRemoteResourceOfPublicClient,
	describeRootResource,
	isRemote,
} from './remote-resources';
import { checkLink, clientPages, isFromSiteRoot, pageOf } from './check-links';
import { checkReferences } from './check-references';
import { checkRisks } from './check-risks';
import { checkChanges } from './check-changes';
import { checkMeetings } from './check-meetings';
import { checkFeedback } from './check-feedback';
import { checkGlossary } from './check-glossary';
import { checkJargon } from './check-jargon';
import { jargonLists } from '@/kinds/glossary/jargon';
import { checkDocuments } from './check-documents';
import { checkSurveys } from './check-surveys';
import { checkCloseout } from './check-closeout';
import { checkAccent } from './check-accent';
import { checkUnrevokedAccess } from './check-unrevoked-access';
import { loadContent, parsedFiles, type LoadedClient, type LoadedContent } from '@/loader/load-content';
import { openParseCache } from '@/loader/parse-cache';
import { CLIENT_KINDS } from '@/kinds/registry';
import type { Problem } from './problem';

export interface CheckOptions extends Partial<Pick<BuildContext, 'checkCache' | 'diagramCache'>> {
	/** Day the staleness warnings are measured against: the build context's `today`. */
	today: string;
	/** Root that problem paths are shown relative to. */
	displayRoot?: string;
	/**
	 * Remember parsed files in the check cache (see `parse-cache.ts`). The check a build runs
	 * decides from it which clients are private: it remembers them only with `parseCacheKey`, so
	 * that it reads back only what a holder of the secret wrote.
	 */
	rememberParsedFiles?: boolean;
	/** The key of the parse cache's MAC (`deriveParseCacheMacKey`); absent: parts are neither signed nor verified. */
	parseCacheKey?: Uint8Array;
	/**
	 * Check only these clients (and the site-wide files): a shard's build checks the clients it
	 * builds, and every client is checked by the shard that builds it. Absent: every client.
	 */
	clients?: readonly string[];
	/**
	 * Told each client's diagrams (the text of its mermaid fences) as soon as its bodies are
	 * compiled, before the rest of the check: the build starts drawing them (see `drawAhead`).
	 */
	onDiagrams?: (client: LoadedClient, sources: readonly string[]) => void;
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
	const parseCache = options.rememberParsedFiles ? await openParseCache(caches.checkCache, options.parseCacheKey) : undefined;
	const loaded = await loadContent(path.resolve(contentDir), options.displayRoot, {
		parseCache,
		...(options.clients ? { clients: options.clients } : {}),
	});
	// A cache that cannot be written costs the next check time, not this one its result.
	await parseCache?.save().catch(() => undefined);
	const problems = [...loaded.problems];
	const fences: MermaidFence[] = [];
	const jargon = await jargonLists(loaded.site);
	// Each client's diagrams are parsed in the browser while the check goes on with the next client,
	// so the parses overlap the check's own work instead of following it (about 2 s on 20 × 104).
	const diagramChecks: Promise<Problem[]>[] = [];
	try {
		for (const client of loaded.clients) {
			problems.push(...checkReferences(client, today));
			problems.push(
				...checkRisks(client, today),
				...checkChanges(client),
				...checkMeetings(client),
				...checkCloseout(client),
				...checkAccent(client),
				...checkFeedback(client, today),
				...checkGlossary(client),
				...checkJargon(client, jargon),
				...checkDocuments(client, path.resolve(contentDir)),
				...checkSurveys(client, today),
			);
			const found = fences.length;
			problems.push(...(await checkBodies(client, fences, caches.checkCache, options.displayRoot ?? process.cwd())));
			const clientFences = fences.slice(found);
			options.onDiagrams?.(
				client,
				clientFences.map((fence) => fence.source),
			);
			const parsed = checkDiagrams(clientFences, caches.diagramCache, caches.checkCache, { keepBrowser: true });
			// Awaited below; until then a failure (no browser) must not count as unhandled.
			parsed.catch(() => undefined);
			diagramChecks.push(parsed);
			problems.push(...checkPlaceholders(client), ...checkFutureDates(client, today), ...checkForeignFrontMatter(client));
		}
		problems.push(...(await Promise.all(diagramChecks)).flat());
	} finally {
		// One browser for the whole check, closed once every client's diagrams are parsed (unless the build's drawings still need it).
		await Promise.allSettled(diagramChecks);
		await closeIdleDiagramBrowser();
	}
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
async function checkBodies(client: LoadedClient, fences: MermaidFence[], cacheDir: string, root: string): Promise<Problem[]> {
	const problems: Problem[] = [];
	// Every client is private unless its client.yaml says `public: true` (as the build decides).
	const isPrivate = client.client?.value.public !== true;
	const pages = clientPages(client);
	const entries = parsedFiles(client, KINDS_WITH_BODY);
	// Several at a time: remembered bodies are only read from the cache (see compile-body.ts).
	const results = await mapLimit(entries, FILE_CONCURRENCY, ({ source }) =>
		compileBody(source.body, source.file.endsWith('.mdx') ? 'mdx' : 'md', cacheDir),
	);
	for (const [index, { source }] of entries.entries()) {
		const result = results[index]!;
		const format = source.file.endsWith('.mdx') ? 'MDX' : 'Markdown';
		const lines = source.body.split('\n');
		const at = (bodyLine: number) => source.bodyLine + bodyLine - 1;
		const error = (line: number, message: string) =>
			problems.push({ severity: 'error', file: source.file, line: at(line), field: 'body', message });
		const warning = (line: number, message: string) =>
			problems.push({ severity: 'warning', file: source.file, line: at(line), field: 'body', message });
		for (const [position, syntax] of result.syntaxErrors.entries()) {
			const message =
				format === 'MDX'
					? describeMdxError(inFileLines(syntax.reason, source.bodyLine), syntax.rule, lines[syntax.line - 1] ?? '')
					: `expected valid Markdown, found an error: ${syntax.reason}`;
			const stopped =
				result.stoppedAt === syntax.line && !result.syntaxErrors.slice(0, position).some((known) => known.line === syntax.line);
			error(
				syntax.line,
				stopped && result.uncheckedLines
					? `${message} (the parser stops here: the ${result.uncheckedLines} line(s) after it were not checked)`
					: message,
			);
		}
		for (const name of result.undefinedNames)
			error(
				name.line,
				name.kind === 'component'
					? `expected a component imported at the top of the file, found <${name.name}> which is not defined (the build fails on it); import it, or write \\<${name.name}> to show the text`
					: `expected text, found {${name.name}}: MDX reads braces as JavaScript and "${name.name} is not defined" fails the build; write \\{${name.name}\\} (or put it in backticks) to show the braces, or rename the file to .md if it needs no components`,
			);
		for (const fence of result.fences) fences.push({ file: source.file, line: at(fence.line), source: fence.source });
		for (const link of result.links) {
			const problem = checkLink(link.url, pageOf(source.file, client.slug), pages);
			if (problem) error(link.line, problem);
		}
		for (const image of result.images) {
			const problem = await checkImage(image.url, source.file, root, isPrivate);
			if (problem?.severity === 'error') error(image.line, problem.message);
			else if (problem) warning(image.line, problem.message);
		}
		for (const resource of result.resources) {
			if (isFromSiteRoot(resource.url)) error(resource.line, describeRootResource(resource));
			else if (!isRemote(resource.url)) error(resource.line, describeLocalResource(resource));
			else if (isPrivate) error(resource.line, describeRemoteResource(resource));
			else warning(resource.line, describeRemoteResourceOfPublicClient(resource));
		}
	}
	return problems;
}

/** The parser names places as "(8:5-8:14)" counted from the body; the author reads the file. */
function inFileLines(reason: string, bodyLine: number): string {
	return reason.replace(
		/\((\d+):(\d+)-(\d+):(\d+)\)/g,
		(_, startLine: string, startColumn: string, endLine: string, endColumn: string) =>
			`(${Number(startLine) + bodyLine - 1}:${startColumn}-${Number(endLine) + bodyLine - 1}:${endColumn})`,
	);
}
