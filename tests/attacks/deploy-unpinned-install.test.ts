import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/build-site';

/**
 * Attack: get code into the job that holds GLASSHOUSE_SECRET and builds what is published. With
 * `npm ci || npm install`, anything that makes `npm ci` fail (a lock file out of step with
 * package.json, a missing platform package) made the job resolve versions the lock file does not
 * name, such as a newly published, compromised release. The job installs strictly from the lock
 * file, and the lock file holds what a Linux x64 runner needs, so `npm ci` has no reason to fail.
 */

interface Step {
	name?: string;
	run?: string;
	env?: Record<string, string>;
}
interface Job {
	steps?: Step[];
}

const workflowText = () => readFile(path.join(ROOT, '.github', 'workflows', 'deploy.yml'), 'utf8');

/** Any command that resolves dependency versions instead of taking them from the lock file. */
const RESOLVES_VERSIONS =
	/\b(npm\s+(install|i|add|update|up|upgrade)|yarn(\s+(add|install|upgrade))?|pnpm\s+(install|add|update)|npx\s+--yes|npm\s+exec\s+--yes)\b/;

interface LockEntry {
	version?: string;
	integrity?: string;
	os?: string[];
	cpu?: string[];
	libc?: string[];
	optionalDependencies?: Record<string, string>;
}

async function lockPackages(): Promise<Record<string, LockEntry>> {
	return (JSON.parse(await readFile(path.join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockEntry> }).packages;
}

/** The lock entry Node would load for `name` required from `from` (a lock key, '' for the root). */
function resolveIn(packages: Record<string, LockEntry>, from: string, name: string): string | undefined {
	let dir = from;
	for (;;) {
		const candidate = `${dir ? `${dir}/` : ''}node_modules/${name}`;
		if (packages[candidate]) return candidate;
		if (!dir) return undefined;
		const parent = dir.lastIndexOf('/node_modules/');
		dir = parent < 0 ? '' : dir.slice(0, parent);
	}
}

const runsOnLinuxX64 = (entry: LockEntry) =>
	(!entry.os || entry.os.includes('linux')) && (!entry.cpu || entry.cpu.includes('x64')) && (!entry.libc || entry.libc.includes('glibc'));

describe('the deploy workflow installs exactly the lock file', () => {
	it('has no step in a job that holds a secret that resolves versions (no `npm install` fallback)', async () => {
		const text = await workflowText();
		const jobs = (parse(text) as { jobs: Record<string, Job> }).jobs;
		const withSecrets = Object.entries(jobs).filter(([, job]) => JSON.stringify(job).includes('secrets.'));
		// The one build job, or the shards and their merge above the sharding threshold (docs/deploy.md).
		expect(withSecrets.map(([name]) => name)).toEqual(['build', 'shard', 'merge']);
		for (const [name, job] of withSecrets) {
			const runs = (job.steps ?? []).map((step) => step.run ?? '');
			expect(
				runs.filter((run) => RESOLVES_VERSIONS.test(run)),
				`${name}: steps that resolve versions`,
			).toEqual([]);
			const installs = runs.filter((run) => /\bnpm\s+ci\b/.test(run));
			expect(installs, `${name}: one plain npm ci`).toEqual(['npm ci --no-audit --no-fund']);
		}
	});

	it('has a lock file that serves Linux x64 runners: every native package has its linux-x64 build pinned with an integrity hash', async () => {
		const packages = await lockPackages();
		// The native dependencies named in the issue, resolved as npm would on a runner.
		for (const [parent, native] of [
			['node_modules/esbuild', '@esbuild/linux-x64'],
			['node_modules/rollup', '@rollup/rollup-linux-x64-gnu'],
			['node_modules/pagefind', '@pagefind/linux-x64'],
			['node_modules/sharp', '@img/sharp-linux-x64'],
			['node_modules/@img/sharp-linux-x64', '@img/sharp-libvips-linux-x64'],
		] as const) {
			expect(packages[parent]?.optionalDependencies, parent).toHaveProperty(native);
			const key = resolveIn(packages, parent, native);
			expect(key, `${native} for ${parent}`).toBeDefined();
			expect(packages[key!], key).toMatchObject({
				version: packages[parent]!.optionalDependencies![native],
				integrity: expect.stringMatching(/^sha512-/),
			});
		}
		// And every other package (each copy of esbuild included) with builds for Linux has one for x64.
		const gaps: string[] = [];
		for (const [parent, entry] of Object.entries(packages)) {
			// A package a Linux x64 runner does not install itself (sharp's build for ARM) needs nothing there.
			if (!runsOnLinuxX64(entry)) continue;
			const builds = Object.keys(entry.optionalDependencies ?? {}).map((name) => ({ name, key: resolveIn(packages, parent, name) }));
			const platformBuilds = builds.filter(({ key }) => !key || packages[key]!.os || packages[key]!.cpu);
			if (!platformBuilds.some(({ key }) => !key || packages[key]!.os?.includes('linux'))) continue;
			const linuxX64 = platformBuilds.find(({ key }) => key && runsOnLinuxX64(packages[key]!));
			if (!linuxX64 || !packages[linuxX64.key!]!.integrity)
				gaps.push(`${parent || 'the project'}: no pinned Linux x64 build among ${platformBuilds.map(({ name }) => name).join(', ')}`);
		}
		expect(gaps).toEqual([]);
	});
});
