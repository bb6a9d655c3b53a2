import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { GIT_LOG_ARGS, GIT_STATUS_ARGS, parseGitLog, parseGitStatus, type FileTimes } from '@/lib/git-history';

const run = promisify(execFile);

/** Times of one content entry, looked up by the file it was loaded from. */
export type TimesOf = (entry: { filePath?: string }) => Promise<FileTimes>;

interface GitView {
	committed: Map<string, FileTimes>;
	dirty: Map<string, 'untracked' | 'modified'>;
}

const cache = new Map<string, Promise<TimesOf>>();

/**
 * When each content file was created and last changed, for "what's new since your last visit".
 * Frontmatter dates cannot say this (an edited risk keeps its raised date), so: in a git
 * repository, the first and last commit touching the file; for a file that is untracked or
 * modified in the working tree, its modification time; outside git, the file system's times.
 * Computed once per build and content folder, with three git processes whatever the file count.
 */
export function contentTimes(dir: string): Promise<TimesOf> {
	const root = path.resolve(dir);
	let times = cache.get(root);
	if (!times) {
		times = readGit(root).then((git) => lookup(root, git));
		cache.set(root, times);
	}
	return times;
}

function lookup(root: string, git: GitView | undefined): TimesOf {
	// Each file's times are found once: an entry's file is asked for by its own page, its list and
	// the overview's "what's new", and outside git (or for a changed file) each answer is a `stat`.
	const known = new Map<string, Promise<FileTimes>>();
	return (entry) => {
		if (!entry.filePath) return Promise.resolve({});
		// Entries' paths are relative to the project root, which is the build's working directory.
		const file = path.resolve(entry.filePath);
		let times = known.get(file);
		if (!times) known.set(file, (times = timesOfFile(root, git, file)));
		return times;
	};
}

async function timesOfFile(root: string, git: GitView | undefined, file: string): Promise<FileTimes> {
	const key = path.relative(root, file).split(path.sep).join('/');
	const dirty = git?.dirty.get(key);
	const committed = git?.committed.get(key);
	if (git && !dirty && committed) return committed;
	const info = await stat(file).catch(() => undefined);
	if (!info) return {};
	if (dirty === 'modified') return { createdAt: committed?.createdAt, changedAt: info.mtimeMs };
	// Untracked in git: it appeared when it was last written. Outside git, the birth time, which
	// is only a guess: editors that save by replacing the file make an edit look like a new file.
	const born = git || !(info.birthtimeMs > 0) ? info.mtimeMs : Math.min(info.birthtimeMs, info.mtimeMs);
	return { createdAt: born, changedAt: info.mtimeMs };
}

/** The content folder's history from git, or undefined outside a repository or without git. */
async function readGit(root: string): Promise<GitView | undefined> {
	const git = (args: readonly string[]) =>
		run('git', [...args], { cwd: root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }).then((result) => result.stdout);
	try {
		const [prefix = '', shallowFlag, shallowFile = ''] = (
			await git(['rev-parse', '--show-prefix', '--is-shallow-repository', '--git-path', 'shallow'])
		).split('\n');
		const shallow =
			shallowFlag === 'true'
				? new Set((await readFile(path.resolve(root, shallowFile), 'utf8').catch(() => '')).split(/\s+/).filter(Boolean))
				: new Set<string>();
		const [log, status] = await Promise.all([git(GIT_LOG_ARGS).catch(() => ''), git(GIT_STATUS_ARGS)]);
		return { committed: parseGitLog(log, prefix, shallow), dirty: parseGitStatus(status, prefix) };
	} catch {
		return undefined;
	}
}
