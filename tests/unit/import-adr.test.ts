import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mapStatus } from '@/import/adr/map-status';
import { collectNeedles } from '@/leak-scan/collect-needles';
import { runtimeText } from '@/leak-scan/runtime-text';
import { loadContent } from '@/loader/load-content';
import { planImport, recordOrder, type RecordFile } from '@/import/adr/plan-import';
import { cleanTitle, readRecord } from '@/import/adr/read-record';
import { rewriteBody } from '@/import/adr/rewrite-body';
import { cli, copyContent, MINIMAL_CONTENT, readContentFile, checkErrors } from '../support/temp-content';
import { folder } from '../support/temp-folder';

const plan = (records: RecordFile[], privateClient = true, files: string[] = []) =>
	planImport({
		records,
		firstNumber: 5,
		defaultDate: '2026-01-15',
		defaultStatus: 'accepted',
		takenNames: new Set(['taken.png']),
		privateClient,
		isFile: (file) => files.includes(file),
	});

describe('reading a decision record', () => {
	it('reads MADR front matter (MADR 3/4), drops the H1 and reports foreign fields', () => {
		const record = readRecord(
			'---\nstatus: "accepted"\ndate: 2024-02-19\ndecision-makers: [Ann, Bob]\nconsulted: Cy\nnav_order: 3\n---\n# Use Postgres\n\n## Context\n\nText.\n',
			'0003-use-postgres.md',
		);
		expect(record).toMatchObject({ format: 'madr-front-matter', title: 'Use Postgres', deciders: ['Ann', 'Bob'], consulted: ['Cy'] });
		expect(record.status?.text).toBe('accepted');
		expect(record.date?.text).toBe('2024-02-19');
		expect(record.body).toBe('## Context\n\nText.\n');
		expect(record.bodyLine).toBe(10);
		expect(record.notes).toEqual([{ line: 1, message: expect.stringContaining('nav_order') }]);
	});

	it('reads MADR 2 / log4brains metadata lines after the H1', () => {
		const record = readRecord(
			'# Use the slug\n\n- Status: superseded by [20201016-x](20201016-x.md)\n- Date: 2020-09-26\n* Deciders: Ann and Bob\n- Tags: web, Search Engine\n\nTechnical Story: x\n\n## Context\n',
			'20200926-use-the-slug.md',
		);
		expect(record.status?.text).toMatch(/^superseded by/);
		expect(record.supersededBy).toEqual([{ url: '20201016-x.md', line: 3 }]);
		expect(record.deciders).toEqual(['Ann', 'Bob']);
		expect(record.tags).toEqual(['web', 'Search Engine']);
		expect(record.body).toBe('Technical Story: x\n\n## Context\n');
		expect(record.format).toBe('log4brains');
	});

	it('reads a Nygard / adr-tools status section and keeps other relations as text', () => {
		const text =
			'# 5. Help comments\n\nDate: 2016-02-13\n\n## Status\n\nAccepted\n\nAmended by [9. Help scripts](0009-help-scripts.md)\n\nSupercedes [1. Old](0001-old.md)\n\n## Context\n\nText.\n';
		const record = readRecord(text, '0005-help-comments.md');
		expect(record.title).toBe('Help comments');
		expect(record.status).toEqual({ text: 'Accepted', line: 7 });
		expect(record.date?.text).toBe('2016-02-13');
		expect(record.supersedes).toEqual([{ url: '0001-old.md', line: 11 }]);
		expect(record.body).toBe('Amended by [9. Help scripts](0009-help-scripts.md)\n\n## Context\n\nText.\n');
		expect(record.format).toBe('nygard');
	});

	it('ignores headings and metadata inside code fences', () => {
		const record = readRecord('```md\n# Not a title\nStatus: rejected\n```\n\n# Title\n', 'x.md');
		expect(record.title).toBe('Title');
		expect(record.status).toBeUndefined();
	});

	it('cleans numbered and prefixed titles', () => {
		expect(cleanTitle('4. Markdown format')).toBe('Markdown format');
		expect(cleanTitle('Architecture Decision Record: Configuration Updates')).toBe('Configuration Updates');
		expect(cleanTitle('ADR-0053: The waking day')).toBe('The waking day');
		expect(cleanTitle('Use Postgres')).toBe('Use Postgres');
	});
});

describe('mapping a status', () => {
	it.each([
		['Accepted', 'accepted'],
		['PROPOSED', 'proposed'],
		['draft', 'proposed'],
		['superseded by [ADR-0005](0005-example.md)', 'superseded'],
		['Superceded', 'superseded'],
		['Rejected', 'rejected'],
		['deprecated', 'deprecated'],
	])('%s → %s', (text, status) => expect(mapStatus(text)).toBe(status));

	it('maps nothing for words it does not know', () => expect(mapStatus('on hold')).toBeUndefined());
});

describe('rewriting a body', () => {
	const base = {
		sourceLines: [10, 11, 12, 13, 14],
		privateClient: true,
		imageName: (file: string) => path.basename(file),
	};

	it('points links between records at decision pages and unlinks the rest, keeping code untouched', () => {
		const result = rewriteBody({
			...base,
			body: 'See [ADR 2](0002-b.md#why) and [spec](../spec.md).\n\n```\n[x](0002-b.md)\n```\n',
			resolve: (url) => (url.startsWith('0002') ? { kind: 'record', number: 7 } : { kind: 'none', shown: url }),
		});
		expect(result.body).toBe('See [ADR 2](../7/#why) and spec.\n\n```\n[x](0002-b.md)\n```\n');
		expect(result.notes).toEqual([{ line: 10, message: expect.stringContaining('../spec.md') }]);
	});

	it('renames local images, describes missing ones, links remote ones on a private site, escapes unknown tags', () => {
		const result = rewriteBody({
			...base,
			body: '![a](img/a.png) ![gone](b.png)\n\n![badge](https://img.shields.io/x.svg)\n\nRun <command> <b>now</b>.\n',
			resolve: (url) => (url === 'img/a.png' ? { kind: 'image', file: '/src/img/a.png' } : { kind: 'none', shown: url }),
		});
		expect(result.body).toBe('![a](./a.png) *gone*\n\n[badge](https://img.shields.io/x.svg)\n\nRun &lt;command> <b>now</b>.\n');
		expect([...result.images]).toEqual([['/src/img/a.png', 'a.png']]);
		expect(result.notes.map((note) => note.line)).toEqual([10, 12, 14]);
	});

	it('keeps remote images of a public site', () => {
		const body = '![badge](https://img.shields.io/x.svg)\n';
		expect(rewriteBody({ ...base, privateClient: false, body, resolve: () => ({ kind: 'none', shown: '' }) }).body).toBe(body);
	});
});

describe('planning an import', () => {
	it('numbers after the client, maps supersession both ways and names files by the decision rule', () => {
		const planned = plan([
			{ file: '/adr/0001-old.md', text: '# 1. Old\n\nDate: 2020-01-01\n\n## Status\n\nSuperseded by [2. New](0002-new.md)\n' },
			{ file: '/adr/0002-new.md', text: '# 2. New\n\nDate: 2020-02-01\n\n## Status\n\nAccepted\n\n## Context\n\nSee [1](0001-old.md).\n' },
			{ file: '/adr/0003-gone.md', text: '# Gone\n\n* Status: superseded by [9](0009-x.md)\n' },
		]);
		expect(planned.map((decision) => [decision.number, decision.fileName, decision.status, decision.supersedes])).toEqual([
			[5, '0005-old.md', 'superseded', undefined],
			[6, '0006-new.md', 'accepted', 5],
			[7, '0007-gone.md', 'deprecated', undefined],
		]);
		expect(planned[1]!.body).toContain('See [1](../5/).');
		expect(planned[2]!.notes.map((note) => note.message)).toEqual([
			'no date found; dated 2026-01-15',
			'superseded by no imported record; imported as deprecated',
			'superseded by 0009-x.md, which is not among the imported records; not mapped',
		]);
	});

	it('refuses a supersession that goes back in time and dates log4brains records by their file name', () => {
		const planned = plan([
			{ file: '/adr/20200101-a.md', text: '# A\n\n- Supersedes [b](20200201-b.md)\n' },
			{ file: '/adr/20200201-b.md', text: '# B\n' },
		]);
		expect(planned.map((decision) => decision.date)).toEqual(['2020-01-01', '2020-02-01']);
		expect(planned[0]!.supersedes).toBeUndefined();
		expect(planned[0]!.notes.some((note) => note.message.startsWith('supersession not mapped'))).toBe(true);
	});

	it('keeps image names unless taken, and orders a folder by its records’ numbers', () => {
		const planned = plan([{ file: '/adr/0001-a.md', text: '# A\n\n![x](taken.png) ![y](free.png)\n' }], true, [
			'/adr/taken.png',
			'/adr/free.png',
		]);
		expect([...planned[0]!.images.values()]).toEqual(['0005-taken.png', 'free.png']);
		expect(['adr-010-b.md', 'adr-002-a.md', 'README.md'].sort(recordOrder)).toEqual(['README.md', 'adr-002-a.md', 'adr-010-b.md']);
	});
});

describe('glasshouse import adr', () => {
	const record = '# Use Postgres\n\n* Status: accepted\n* Date: 2026-01-05\n\n## Context\n\nWe need a database {TBD}.\n';

	it('writes .md decisions that pass check, comments in the client’s language, and refuses to overwrite', async () => {
		const content = copyContent(MINIMAL_CONTENT);
		const source = await folder('glasshouse-adr-', { '0001-use-postgres.md': record, 'README.md': '# Index\n' });
		const first = await cli(content, ['import', 'adr', 'beta', source]);
		expect(first.code, first.text).toBe(0);
		expect(first.text).toContain('Imported 1 record into beta as decision 1');
		expect(first.text).toContain('Skipped (not records)');
		const written = readContentFile(path.join(content, 'beta/decisions/0001-use-postgres.md'));
		expect(written.data).toMatchObject({ number: 1, title: 'Use Postgres', date: '2026-01-05', status: 'accepted' });
		expect(written.text).toContain('由 "glasshouse import adr" 从');
		expect(written.body.trim()).toBe('## Context\n\nWe need a database {TBD}.');
		expect(await checkErrors(content)).toEqual([]);
		// A second import numbers after the first.
		const second = await cli(content, ['import', 'adr', 'beta', path.join(source, '0001-use-postgres.md')]);
		expect(second.text).toContain('as decision 2');
	});

	it('previews with --dry-run and writes nothing', async () => {
		const content = copyContent(MINIMAL_CONTENT);
		const source = await folder('glasshouse-adr-', { 'a.md': record });
		const result = await cli(content, ['import', 'adr', 'alpha', path.join(source, 'a.md'), '--dry-run']);
		expect(result.code).toBe(0);
		expect(result.text).toContain('Dry run: would import 1 record');
		expect(() => readFileSync(path.join(content, 'alpha/decisions/0001-use-postgres.md'))).toThrow();
	});

	it('gives clear errors for bad input, without a stack trace', async () => {
		const content = copyContent(MINIMAL_CONTENT);
		const source = await folder('glasshouse-adr-', { 'notes.txt': 'x', 'empty/README.md': '# x\n' });
		const missing = await cli(content, ['import', 'adr', 'alpha', path.join(source, 'nope.md')]);
		expect(missing).toMatchObject({ code: 1 });
		expect(missing.text).toContain('no such file or folder');
		const text = await cli(content, ['import', 'adr', 'alpha', path.join(source, 'notes.txt')]);
		expect(text.text).toContain('expected a Markdown decision record (.md)');
		const empty = await cli(content, ['import', 'adr', 'alpha', path.join(source, 'empty')]);
		expect(empty.text).toContain('No decision records found');
		const none = await cli(content, ['import', 'adr', 'alpha']);
		expect(none.text).toContain('Name the records to import');
		const status = await cli(content, ['import', 'adr', 'alpha', source, '--status', 'done']);
		expect(status.text).toContain('--status: expected one of');
		for (const result of [missing, text, empty, none, status]) expect(result.text).not.toMatch(/\n\s+at /);
	});
});

describe('the leak scan and imported records', () => {
	it('treats the browser runtime’s own words as public, so a one-word line of a record is no leak', async () => {
		expect(runtimeText()).toContain('the ciphertext failed authentication (wrong key, wrong page, or altered)');
		const content = copyContent(MINIMAL_CONTENT);
		const source = await folder('glasshouse-adr-', {
			'adr-008-abstract-modules.md':
				'# Abstract modules\n\n## Context\n\n- Authentication: Password-based, OpenID, Facebook, Google, etc.\n',
		});
		expect((await cli(content, ['import', 'adr', 'alpha', source])).code).toBe(0);
		const loaded = await loadContent(content);
		const needles = collectNeedles(loaded.clients.filter((client) => client.slug === 'alpha')).map((needle) => needle.text);
		expect(needles).toContain('Password-based, OpenID, Facebook, Google, etc');
		expect(needles).not.toContain('Authentication');
	});
});
