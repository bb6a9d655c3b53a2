import { spawn } from 'node:child_process';
import path from 'node:path';
import { TEST_SECRET } from './open-page';
import { OUTPUT, ROOT, RUN_CACHES } from './run-output';

export { OUTPUT, ROOT };

/**
 * The environment a user's shell would have: Vitest sets NODE_ENV, BASE_URL, MODE and friends,
 * which would leak into the Astro build of the child process. Diagrams and checked bodies are
 * cached in the run's output (RUN_CACHES), never in a cache an earlier run filled.
 */
export function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...RUN_CACHES, ...extra };
	for (const key of Object.keys(env)) {
		const vitestOwn = /^(VITEST|VITE_)/.test(key) || ['NODE_ENV', 'BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'TEST'].includes(key);
		if (vitestOwn || env[key] === undefined) delete env[key];
	}
	return env;
}

export interface BuildRun {
	status: number | null;
	stdout: string;
	stderr: string;
	outDir: string;
}

/**
 * Builds a content folder with the real CLI in a child process, as CI and users do.
 * `name` picks the output folder under tests/.output/, which every run starts empty
 * (tests/support/fresh-run.ts): a folder left there means this run built it.
 */
export async function buildSite(
	name: string,
	content: string,
	options: { base?: string; env?: Record<string, string | undefined>; timeout?: number; flags?: string[] } = {},
): Promise<BuildRun> {
	const outDir = path.join(OUTPUT, name);
	const result = await run(
		['build', '--content', content, '--out', outDir, ...(options.flags ?? [])],
		cleanEnv({ GLASSHOUSE_BASE: options.base ?? '/', GLASSHOUSE_SECRET: TEST_SECRET, ...options.env }),
		options.timeout,
	);
	return { ...result, outDir };
}

function run(args: string[], env: NodeJS.ProcessEnv, timeout?: number): Promise<{ status: number | null; stdout: string; stderr: string }> {
	return runNode(['src/cli/bin.mjs', ...args], env, { timeout });
}

/**
 * Runs Node in the project root without blocking this process: a test worker that waits
 * synchronously for a build cannot answer its test runner, which then times out under load.
 * `onSpawn` gets the child's process id (the benchmarks watch its memory); `cwd` defaults to the root.
 */
export function runNode(
	args: string[],
	env: NodeJS.ProcessEnv,
	options: { timeout?: number; onSpawn?: (pid: number) => void; cwd?: string } = {},
): Promise<{ status: number | null; stdout: string; stderr: string }> {
	const { timeout = 280_000, onSpawn, cwd = ROOT } = options;
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, { cwd, env });
		if (child.pid !== undefined) onSpawn?.(child.pid);
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
		child.on('error', reject);
		child.on('close', (status) => {
			clearTimeout(timer);
			resolve({ status, stdout, stderr });
		});
	});
}

/** Runs `glasshouse check` on a folder. */
export function runCheckCli(content: string, args: string[] = []) {
	return run(['check', '--content', content, ...args], cleanEnv({}));
}
