import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One committed version of a file. */
export interface FileVersion {
	/** Hash of the commit that wrote this version. */
	commit: string;
	text: string;
}

/** Record separator between commits in the `git log` output read below. */
const RECORD = '\x1e';

/**
 * Every committed version of the files under `dir` that match `pathspec` (relative to `dir`, e.g.
 * `:(glob)*\/client.yaml`), newest first, keyed by path relative to `dir` with forward slashes.
 * Two git processes whatever the number of files and commits: one `git log` to list the commits
 * that touched them, one `git cat-file --batch` to read those versions. Outside a repository,
 * without git, or in a shallow clone's missing history, there are simply fewer (or no) versions.
 */
export async function committedVersions(dir: string, pathspec: string): Promise<Map<string, FileVersion[]>> {
	const versions = new Map<string, FileVersion[]>();
	let prefix: string;
	let log: string;
	try {
		prefix = (await run('git', ['rev-parse', '--show-prefix'], { cwd: dir, encoding: 'utf8' })).stdout.trim();
		log = (
			await run('git', ['-c', 'log.showSignature=false', 'log', '--no-renames', '--name-only', '-z', '--format=%x1e%H', '--', pathspec], {
				cwd: dir,
				encoding: 'utf8',
				maxBuffer: 64 * 1024 * 1024,
			})
		).stdout;
	} catch {
		return versions;
	}
	const wanted: Array<{ commit: string; repoPath: string; file: string }> = [];
	for (const record of log.split(RECORD)) {
		const [commit, ...paths] = record.split('\0');
		if (!commit || !/^[0-9a-f]+$/.test(commit)) continue;
		for (const raw of paths) {
			const repoPath = raw.replace(/^\n/, '');
			if (repoPath && repoPath.startsWith(prefix)) wanted.push({ commit, repoPath, file: repoPath.slice(prefix.length) });
		}
	}
	if (wanted.length === 0) return versions;
	const blobs = await catFiles(
		dir,
		wanted.map(({ commit, repoPath }) => `${commit}:${repoPath}`),
	).catch(() => []);
	for (const [index, { commit, file }] of wanted.entries()) {
		const text = blobs[index];
		// A commit that deleted the file has no version of it.
		if (text === undefined) continue;
		const list = versions.get(file) ?? [];
		list.push({ commit, text });
		versions.set(file, list);
	}
	return versions;
}

/** The text of each `<commit>:<path>` object, in order; undefined for one that does not exist. */
function catFiles(cwd: string, objects: string[]): Promise<Array<string | undefined>> {
	return new Promise((resolve, reject) => {
		const child = spawn('git', ['cat-file', '--batch'], { cwd, stdio: ['pipe', 'pipe', 'ignore'] });
		const chunks: Buffer[] = [];
		child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
		child.on('error', reject);
		child.on('close', (code) => {
			if (code !== 0) return reject(new Error(`git cat-file exited with ${code}`));
			resolve(parseBatch(Buffer.concat(chunks), objects.length));
		});
		child.stdin.on('error', reject);
		child.stdin.end(objects.map((object) => `${object}\n`).join(''));
	});
}

/** `git cat-file --batch` output: `<oid> <type> <size>\n<content>\n`, or `<name> missing\n`. */
function parseBatch(output: Buffer, count: number): Array<string | undefined> {
	const texts: Array<string | undefined> = [];
	let at = 0;
	while (texts.length < count && at < output.length) {
		const end = output.indexOf(0x0a, at);
		if (end < 0) break;
		const header = output.subarray(at, end).toString('utf8');
		at = end + 1;
		const match = /^[0-9a-f]+ (\w+) (\d+)$/.exec(header);
		if (!match) {
			texts.push(undefined);
			continue;
		}
		const size = Number(match[2]);
		texts.push(match[1] === 'blob' ? output.subarray(at, at + size).toString('utf8') : undefined);
		at += size + 1;
	}
	return texts;
}
