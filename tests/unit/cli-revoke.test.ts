import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClientSchema } from '@/kinds/client/schema';
import { parseSource } from '@/loader/source-file';
import { revokeAccessEntry } from '@/scaffold/revoke-access';
import { checkErrors, cli, copyContent } from '../support/temp-content';

const TIDEWATER = 'tidewater-logistics';

let content: string;
let file: string;
beforeEach(() => {
	content = copyContent();
	file = path.join(content, TIDEWATER, 'client.yaml');
});
afterEach(() => rmSync(path.dirname(content), { recursive: true, force: true }));

describe('glasshouse revoke', () => {
	it('adds revoked: true and a raised rotation to one entry and changes nothing else, comments included', async () => {
		const before = readFileSync(file, 'utf8');
		const run = await cli(content, ['revoke', TIDEWATER, 'aoife-brennan']);
		expect(run.code, run.text).toBe(0);
		expect(run.text).toContain('✓ Revoked "aoife-brennan" (Aoife Brennan, Head of Digital)');
		expect(run.text).toContain('raised its rotation to 1');
		expect(run.text).toContain('It takes effect with the next deploy');
		const after = readFileSync(file, 'utf8');
		expect(after).toBe(
			before.replace(
				'    label: Aoife Brennan, Head of Digital\n    type: link\n',
				'    label: Aoife Brennan, Head of Digital\n    type: link\n    rotation: 1\n    revoked: true\n',
			),
		);
		expect(after).toContain('# Who may open this site. Each entry is its own key slot');
		const access = ClientSchema.parse(parseSource(after, 'client.yaml').data).access;
		expect(access.filter((entry) => entry.revoked).map((entry) => entry.id)).toEqual(['aoife-brennan', 'former-contractor']);
		expect(await checkErrors(content)).toEqual([]);
	});

	it('raises an existing rotation in place, so un-revoking later never restores the revoked link', async () => {
		const before = readFileSync(file, 'utf8');
		expect((await cli(content, ['revoke', TIDEWATER, 'declan-murphy'])).code).toBe(0);
		const after = readFileSync(file, 'utf8');
		expect(after).toBe(before.replace('    type: link\n    rotation: 1\n', '    type: link\n    rotation: 2\n    revoked: true\n'));
		const unrevoked = ClientSchema.parse(parseSource(after.replace('    revoked: true\n', ''), 'client.yaml').data).access.find(
			(entry) => entry.id === 'declan-murphy',
		);
		expect(unrevoked).toMatchObject({ revoked: false, rotation: 2 });
	});

	it('warns that revoking a shared password locks out the whole group', async () => {
		const run = await cli(content, ['revoke', TIDEWATER, 'steering-group']);
		expect(run.code, run.text).toBe(0);
		expect(run.text).toContain('This was a shared password');
	});

	it('lists the known entries for an unknown one', async () => {
		const run = await cli(content, ['revoke', TIDEWATER, 'aoife']);
		expect(run.code).toBe(1);
		expect(run.text).toMatch(
			/^✗ .*client\.yaml: No access entry "aoife"\. Known entries: steering-group, aoife-brennan, declan-murphy, former-contractor\.$/,
		);
	});

	it('refuses an entry that is already revoked, and leaves the file alone', async () => {
		const before = readFileSync(file, 'utf8');
		const run = await cli(content, ['revoke', TIDEWATER, 'former-contractor']);
		expect(run.code).toBe(1);
		expect(run.text).toContain('Access entry "former-contractor" is already revoked.');
		expect(readFileSync(file, 'utf8')).toBe(before);
	});

	it('refuses to revoke the last entry of a private client', async () => {
		for (const id of ['steering-group', 'aoife-brennan']) expect((await cli(content, ['revoke', TIDEWATER, id])).code).toBe(0);
		const run = await cli(content, ['revoke', TIDEWATER, 'declan-murphy']);
		expect(run.code).toBe(1);
		expect(run.text).toContain('"declan-murphy" is the last access entry that is not revoked');
	});

	it('names unknown clients and a missing entry', async () => {
		expect((await cli(content, ['revoke', 'acme', 'x'])).text).toBe(
			'✗ Unknown client "acme". Known clients: harbour-museum, jinghong-precision, lanshan-tea, tidewater-logistics.',
		);
		const missing = await cli(content, ['revoke', TIDEWATER]);
		expect(missing.code).toBe(1);
		expect(missing.text.split('\n')[0]).toBe(
			'Name the access entry to revoke. Known entries: steering-group, aoife-brennan, declan-murphy, former-contractor.',
		);
	});

	it('turns an explicit "revoked: false" into true in place', async () => {
		writeFileSync(
			file,
			readFileSync(file, 'utf8').replace('    rotation: 1\n', '    rotation: 1\n    revoked: false  # back since November\n'),
		);
		expect((await cli(content, ['revoke', TIDEWATER, 'declan-murphy'])).code).toBe(0);
		expect(readFileSync(file, 'utf8')).toContain('    rotation: 2\n    revoked: true  # back since November\n');
	});
});

describe('revokeAccessEntry', () => {
	it('keeps flow-style entries and unusual indentation intact', () => {
		const flow = 'access:\n  - { id: a, label: A, type: link }\n  - {id: b, label: B, type: link} # keep\n';
		expect(revokeAccessEntry(flow, 'b').text).toBe(
			'access:\n  - { id: a, label: A, type: link }\n  - {id: b, label: B, type: link, rotation: 1, revoked: true} # keep\n',
		);
		const flat =
			'access:\n- id: a\n  label: >-\n    folded\n    label\n- id: b\n  type: link\n  label: B  # last\n\n# end\npublic: false\n';
		expect(revokeAccessEntry(flat, 'a').text).toBe(
			'access:\n- id: a\n  label: >-\n    folded\n    label\n  rotation: 1\n  revoked: true\n- id: b\n  type: link\n  label: B  # last\n\n# end\npublic: false\n',
		);
		expect(revokeAccessEntry(flat, 'b').text).toBe(
			'access:\n- id: a\n  label: >-\n    folded\n    label\n- id: b\n  type: link\n  label: B  # last\n  rotation: 1\n  revoked: true\n\n# end\npublic: false\n',
		);
	});

	it('raises a rotation written in flow style or with a comment in place', () => {
		expect(revokeAccessEntry('access:\n  - {id: a, type: link, rotation: 4}\n  - {id: b, type: link}\n', 'a').text).toBe(
			'access:\n  - {id: a, type: link, rotation: 5, revoked: true}\n  - {id: b, type: link}\n',
		);
		expect(
			revokeAccessEntry('access:\n  - id: a\n    rotation: 0 # first\n    type: link\n  - id: b\n    type: link\n', 'a'),
		).toMatchObject({
			rotation: 1,
			text: 'access:\n  - id: a\n    rotation: 1 # first\n    type: link\n    revoked: true\n  - id: b\n    type: link\n',
		});
	});
});
