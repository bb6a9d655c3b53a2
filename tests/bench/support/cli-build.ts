import { appendFileSync, cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { cleanEnv, runNode } from '../../support/build-site';
import { TEST_SECRET } from '../../support/open-page';

/** `glasshouse build` of a content folder into `out` in a child process, with the test secret. */
export async function cliBuild(
	content: string,
	out: string,
	options: { env?: Record<string, string>; onSpawn?: (pid: number) => void } = {},
) {
	const env = cleanEnv({ GLASSHOUSE_SECRET: TEST_SECRET, GLASSHOUSE_BASE: '/', ...options.env });
	const run = await runNode(['src/cli/bin.mjs', 'build', '--content', content, '--out', out], env, {
		timeout: 3_600_000,
		onSpawn: options.onSpawn,
	});
	if (run.status !== 0) throw new Error(`build of ${content} failed (exit ${run.status}):\n${run.stderr || run.stdout}`);
	return run;
}

/** Copies a content folder with every client marked `public: true`: the same site, unencrypted. */
export function publicCopy(content: string, destination: string): string {
	rmSync(destination, { recursive: true, force: true });
	cpSync(content, destination, { recursive: true });
	for (const entry of readdirSync(destination, { withFileTypes: true })) {
		const file = path.join(destination, entry.name, 'client.yaml');
		if (entry.isDirectory() && existsSync(file)) appendFileSync(file, '\npublic: true\n');
	}
	return destination;
}
