/**
 * Parsers for the output of the two git commands that date the content files (see
 * src/page-data/content-history.ts): one `git log` over the whole content folder and one
 * `git status`, instead of one process per file.
 */

/** When a file first appeared and last changed, in milliseconds since the epoch; unknown times are absent. */
export interface FileTimes {
	createdAt?: number;
	changedAt?: number;
}

/** Record separator between commits in {@link GIT_LOG_FORMAT}. */
const RECORD = '\x1e';

/**
 * Arguments for `git log` whose output {@link parseGitLog} reads: per commit a record separator,
 * the committer time and hash, then (with `-z`) every path the commit touched, NUL-terminated.
 * Committer time, not author time: a rebased or cherry-picked change counts from when it landed.
 */
export const GIT_LOG_ARGS = [
	'-c',
	'log.showSignature=false',
	'log',
	'--no-renames',
	'--name-only',
	'-z',
	'--format=%x1e%ct %H',
	'--',
	'.',
] as const;

/** Arguments for `git status` whose output {@link parseGitStatus} reads. */
export const GIT_STATUS_ARGS = ['status', '--porcelain=v1', '-z', '--untracked-files=all', '--', '.'] as const;

/** Paths git prints are relative to the repository root; keep those under `prefix`, relative to it. */
function under(prefix: string, file: string): string | undefined {
	return file.startsWith(prefix) ? file.slice(prefix.length) : undefined;
}

/**
 * Times per file from `git log` output (newest commit first), keyed by path relative to `prefix`
 * (the content folder's path in the repository, as `git rev-parse --show-prefix` prints it).
 *
 * `shallow` holds the boundary commits of a shallow clone: git shows them as adding every file
 * that existed then, so they say nothing about when those files were created or changed. A file
 * seen only there gets no times at all, which later marks it as neither new nor updated.
 */
export function parseGitLog(output: string, prefix = '', shallow: ReadonlySet<string> = new Set()): Map<string, FileTimes> {
	const times = new Map<string, FileTimes>();
	const boundaryFiles = new Set<string>();
	for (const record of output.split(RECORD)) {
		const [header, ...paths] = record.split('\0');
		const match = /^(\d+) ([0-9a-f]+)/.exec(header ?? '');
		if (!match) continue;
		const time = Number(match[1]) * 1000;
		const boundary = shallow.has(match[2]!);
		for (const raw of paths) {
			const file = under(prefix, raw.replace(/^\n/, ''));
			if (!file) continue;
			if (boundary) {
				boundaryFiles.add(file);
				if (!times.has(file)) times.set(file, {});
				continue;
			}
			const known = times.get(file);
			// Newest first: the first commit seen is the last change, the last one seen the creation.
			if (known) known.createdAt = time;
			else times.set(file, { createdAt: time, changedAt: time });
		}
	}
	for (const file of boundaryFiles) delete times.get(file)!.createdAt;
	return times;
}

/**
 * Paths (relative to `prefix`) that differ from the last commit: untracked, added, modified,
 * renamed or copied, staged or not. Their times come from the file system instead.
 * Porcelain v1 with `-z` prints `XY path\0`, and `XY new\0old\0` for renames and copies.
 */
export function parseGitStatus(output: string, prefix = ''): Map<string, 'untracked' | 'modified'> {
	const dirty = new Map<string, 'untracked' | 'modified'>();
	const fields = output.split('\0');
	for (let index = 0; index < fields.length; index++) {
		const field = fields[index]!;
		if (field.length < 4) continue;
		const code = field.slice(0, 2);
		const file = under(prefix, field.slice(3));
		// The old name of a rename or copy follows as its own field.
		if (code.includes('R') || code.includes('C')) index++;
		if (!file || code.includes('D')) continue;
		dirty.set(file, code === '??' || code.startsWith('A') || code.includes('R') || code.includes('C') ? 'untracked' : 'modified');
	}
	return dirty;
}
