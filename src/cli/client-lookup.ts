import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@/kinds/client/schema';
import { loadContent, type LoadedClient, type LoadedContent } from '@/loader/load-content';
import { openParseCache } from '@/loader/parse-cache';
import { formatProblem } from '@/check/problem';
import { UsageError, UserError, type Output } from './output';
import { answerOrFail } from './ask';

interface ClientContext {
	loaded: LoadedContent;
	client: LoadedClient;
	settings: Client;
	/** Absolute path of the client's folder. */
	folder: string;
}

/** A path as the user should see it: relative to where they ran the command. */
export function display(absolute: string): string {
	return path.relative(process.cwd(), absolute).split(path.sep).join('/') || '.';
}

/**
 * Finds one client whose client.yaml is valid and loads its folder and the site-wide files (not
 * the other clients': a command about one client must neither wait for nor fail on theirs).
 * Unknown names list the known ones; when no name was given, a person at a terminal is asked for one.
 *
 * `parseCacheDir`, for commands that only scaffold, reuses the files `glasshouse check` parsed
 * (by their exact text, kept per client folder): parsing the client's YAML was most of a `new`
 * command's time.
 */
export async function requireClient(
	contentDir: string,
	slug: string | undefined,
	output: Output,
	parseCacheDir?: string,
): Promise<ClientContext> {
	const root = path.resolve(contentDir);
	const known = await clientFolders(root);
	const list = known.join(', ') || 'none yet (create one with "glasshouse new client <slug>")';
	const name = await answerOrFail(
		output,
		slug,
		`Which client? (${known.join(', ')})`,
		`Name a client. Known clients: ${list}.`,
		UsageError,
	);
	if (!known.includes(name)) throw new UserError(`Unknown client "${name}". Known clients: ${list}.`);
	const parseCache = parseCacheDir ? await openParseCache(parseCacheDir) : undefined;
	const loaded = await loadContent(root, process.cwd(), { parseCache, client: name });
	await parseCache?.save().catch(() => undefined);
	const client = loaded.clients.find((candidate) => candidate.slug === name);
	if (!client) throw new UserError(`Unknown client "${name}". Known clients: ${list}.`);
	if (!client.client) {
		const problems = loaded.problems.filter(
			(problem) => problem.file.endsWith(`${client.slug}/client.yaml`) && problem.severity === 'error',
		);
		throw new UserError(
			`${display(path.join(root, client.slug, 'client.yaml'))} has errors; fix them first:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`,
		);
	}
	return { loaded, client, settings: client.client.value, folder: path.join(root, client.slug) };
}

/** The client folders of the content folder, as the loader finds them (sorted; dot-folders are not clients). */
async function clientFolders(root: string): Promise<string[]> {
	const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
	return entries
		.filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
		.map((entry) => entry.name)
		.sort((a, b) => a.localeCompare(b));
}
