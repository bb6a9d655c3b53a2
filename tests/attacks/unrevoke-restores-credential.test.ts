import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '@/check/check-content';
import { formatProblem } from '@/check/problem';
import { cli, MINIMAL_CONTENT } from '../support/temp-content';

/**
 * Attack: a person whose link was revoked keeps it. Later someone sets `revoked: false` again,
 * or reverts the commit that revoked it, and the old link opens the next build, because a link
 * is derived from client, entry id and rotation only. `revoke` now raises the rotation, and
 * `check` warns when git history shows an entry revoked at a rotation it is now let in at.
 */

let repo = '';
let content = '';
let clientFile = '';

function git(...args: string[]): string {
	const env = {
		...process.env,
		GIT_AUTHOR_NAME: 'T',
		GIT_AUTHOR_EMAIL: 't@example.com',
		GIT_COMMITTER_NAME: 'T',
		GIT_COMMITTER_EMAIL: 't@example.com',
	};
	return execFileSync('git', args, { cwd: repo, env, encoding: 'utf8' });
}

const commitAll = (message: string) => {
	git('add', '-A');
	git('commit', '-q', '--no-gpg-sign', '-m', message);
};

/** The minimal fixture's beta, with a second link entry for a person who may leave. */
const BETA_ACCESS =
	'access:\n  - id: sponsor\n    label: 项目发起人\n    type: link\n  - id: contractor\n    label: Contractor\n    type: link\n';

beforeEach(() => {
	repo = mkdtempSync(path.join(tmpdir(), 'glasshouse-unrevoke-'));
	content = path.join(repo, 'content');
	cpSync(MINIMAL_CONTENT, content, { recursive: true });
	clientFile = path.join(content, 'beta', 'client.yaml');
	const text = readFileSync(clientFile, 'utf8');
	writeFileSync(clientFile, text.slice(0, text.indexOf('access:')) + BETA_ACCESS);
	git('init', '-q');
	commitAll('beta with two links');
});
afterEach(() => rmSync(repo, { recursive: true, force: true }));

async function unrevokeWarnings(): Promise<string[]> {
	const result = await checkContent(content, { today: '2026-02-10', displayRoot: repo });
	expect(result.errors.map(formatProblem)).toEqual([]);
	return result.warnings.filter((problem) => problem.field.startsWith('access.')).map(formatProblem);
}

const setText = (change: (text: string) => string) => writeFileSync(clientFile, change(readFileSync(clientFile, 'utf8')));
const contractorLine = () => readFileSync(clientFile, 'utf8').split('\n').indexOf('  - id: contractor') + 1;

describe('letting a revoked access entry in again', () => {
	it('after `glasshouse revoke` and `revoked: false`: the entry comes back at a new rotation, and check is quiet', async () => {
		expect((await cli(content, ['revoke', 'beta', 'contractor'])).code).toBe(0);
		commitAll('revoke the contractor');
		setText((text) => text.replace('revoked: true', 'revoked: false'));
		expect(readFileSync(clientFile, 'utf8')).toContain('    rotation: 1\n    revoked: false\n');
		expect(await unrevokeWarnings()).toEqual([]);
	});

	it('after a revoke by hand, un-revoked in the working tree (not committed): check warns with file, line, field and what to do', async () => {
		setText((text) => `${text}    revoked: true\n`);
		commitAll('revoke the contractor by hand');
		setText((text) => text.replace('    revoked: true\n', ''));
		const warnings = await unrevokeWarnings();
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(
			new RegExp(
				`^content/beta/client\\.yaml:${contractorLine()}  warning access\\.1\\.rotation: expected a rotation above 0, found 0: "contractor" had rotation 0 when it was revoked \\(commit [0-9a-f]{7}\\)`,
			),
		);
		expect(warnings[0]).toContain('restores the very link that was revoked');
		expect(warnings[0]).toContain(
			'Set "rotation: 1" and send the new link with `glasshouse share`; or, if it should stay out, run `glasshouse revoke beta contractor`.',
		);
	});

	it('after a git revert of `glasshouse revoke` (both the revocation and the raised rotation undone): check warns', async () => {
		expect((await cli(content, ['revoke', 'beta', 'contractor'])).code).toBe(0);
		commitAll('revoke the contractor');
		git('revert', '--no-edit', '--no-gpg-sign', 'HEAD');
		const warnings = await unrevokeWarnings();
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain(
			'access.1.rotation: expected a rotation above 0, found 0: "contractor" had rotation 0 when it was revoked',
		);
		expect(warnings[0]).toContain('Set "rotation: 1"');
	});

	it('an un-revoke committed long ago still warns, and raising the rotation above the revoked one silences it', async () => {
		setText((text) => `${text}    rotation: 3\n`);
		commitAll('a new link for the contractor');
		setText((text) => `${text}    revoked: true\n`);
		commitAll('revoke the contractor by hand, at rotation 3');
		setText((text) => text.replace('    revoked: true\n', ''));
		commitAll('let the contractor in again');
		writeFileSync(path.join(content, 'beta', 'unrelated.txt'), 'later work');
		commitAll('later work');
		expect(await unrevokeWarnings()).toEqual([expect.stringContaining('expected a rotation above 3, found 3')]);
		setText((text) => text.replace('rotation: 3', 'rotation: 4'));
		expect(await unrevokeWarnings()).toEqual([]);
		// Without the history there is nothing to compare with.
		setText((text) => text.replace('rotation: 4', 'rotation: 3'));
		rmSync(path.join(repo, '.git'), { recursive: true, force: true });
		expect(await unrevokeWarnings()).toEqual([]);
	});
});
