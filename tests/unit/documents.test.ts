import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '@/check/check-content';
import { formatProblem } from '@/check/problem';
import { DocumentSchema } from '@/kinds/document/schema';
import { contentDisposition } from '@/runtime/attachments/download-job';
import { formatBytes } from '@/lib/format-bytes';
import { cli, freshDemoCopyEachTest } from '../support/temp-content';

const HARBOUR = 'harbour-museum';
const LANSHAN = 'lanshan-tea';

let content: string;
freshDemoCopyEachTest((copy) => (content = copy));

const documentFile = (client: string, name: string) => path.join(content, client, 'documents', name);
const problems = async () =>
	(await checkContent(content, { today: '2026-11-22', displayRoot: path.dirname(content) })).problems
		.filter((problem) => problem.file.includes('/documents/'))
		.map(formatProblem);

describe('document check rules', () => {
	it('pass on the demo library', async () => {
		expect(await problems()).toEqual([]);
	});

	it('name the file, line and field of a missing attachment, an unknown category and a broken milestone link, with the fix', async () => {
		const file = documentFile(HARBOUR, 'editor-handbook.yaml');
		writeFileSync(
			file,
			readFileSync(file, 'utf8')
				.replace('files: [editor-handbook.pdf]', 'files: [editor-handbook.pdf, Editor-Handbook-v2.pdf]')
				.replace('category: handbook', 'category: manual')
				.replace('milestone: build-and-content', 'milestone: build-and-contnet'),
		);
		const found = await problems();
		expect(found).toContainEqual(
			expect.stringMatching(/^content\/harbour-museum\/documents\/editor-handbook\.yaml:3 {2}category: .*deliverable.*handbook.*manual/),
		);
		// The loader stops at the invalid category; with it fixed, the other two rules report.
		writeFileSync(file, readFileSync(file, 'utf8').replace('category: manual', 'category: handbook'));
		expect(await problems()).toEqual([
			'content/harbour-museum/documents/editor-handbook.yaml:7  files.1: expected a file content/harbour-museum/documents/Editor-Handbook-v2.pdf next to this document, found none; put the file there, or correct the name (names are case-sensitive)',
			'content/harbour-museum/documents/editor-handbook.yaml:8  milestone: expected a milestone id of harbour-museum (build-and-content, discovery-and-design, launch, online-booking), found "build-and-contnet"',
		]);
	});

	it('refuse an attachment over 200 MB without reading it, and warn about a file no document names', async () => {
		const big = documentFile(HARBOUR, 'editor-handbook.pdf');
		truncateSync(big, 200_000_001); // sparse: no 200 MB written
		writeFileSync(documentFile(HARBOUR, 'stray-notes.docx'), 'x');
		expect(await problems()).toEqual([
			'content/harbour-museum/documents/editor-handbook.yaml:7  files.0: expected an attachment of at most 200 MB, found 200.0 MB; compress it, split it, or link to it instead',
			'content/harbour-museum/documents/stray-notes.docx  warning expected an attachment named by a document (files: in its .yaml), found none naming it; it is not published',
		]);
	});
});

describe('the document schema', () => {
	const base = { id: 'x', title: 'X', category: 'training', date: '2026-01-02' };
	const messages = (value: object) => {
		const result = DocumentSchema.safeParse(value);
		return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
	};
	it('asks a training session for its details and refuses them elsewhere; refuses paths and YAML as attachments', () => {
		expect(messages(base)).toEqual([
			'training: expected the session (training: with audience and trainer) for a training document, found nothing',
		]);
		expect(messages({ ...base, training: { audience: 'Editors', trainer: 'Priya' } })).toEqual([]);
		expect(messages({ ...base, category: 'handbook', training: { audience: 'Editors', trainer: 'Priya' } })).toEqual([
			'training: expected no training details for a handbook document; set category: training, or remove them',
		]);
		expect(messages({ ...base, category: 'other', files: ['sub/handbook.pdf', 'a.yaml', '.hidden', 'ok.pdf', 'ok.pdf'] })).toEqual([
			'files.0: expected a file name in the documents folder, without a folder (like "handbook.pdf")',
			'files.1: expected an attachment (PDF, image, Office file, ZIP, video), found a YAML file',
			'files.2: expected a visible file name, found one starting with "."',
			'files.4: expected each file once, found "ok.pdf" twice',
		]);
	});
});

describe('glasshouse new document | training', () => {
	it('writes a document that passes the check once its file is there, and a training session in Chinese', async () => {
		const run = await cli(content, [
			'new',
			'document',
			HARBOUR,
			'Accessibility statement',
			'--category',
			'deliverable',
			'--file',
			'statement.pdf',
			'--milestone',
			'launch',
			'--date',
			'2026-11-20',
		]);
		expect(run.code, run.text).toBe(0);
		const written = readFileSync(documentFile(HARBOUR, 'accessibility-statement.yaml'), 'utf8');
		expect(written).toContain('category: deliverable');
		expect(written).toContain('files: [statement.pdf]');
		expect(await problems()).toEqual([expect.stringContaining('files.0: expected a file content/harbour-museum/documents/statement.pdf')]);
		writeFileSync(documentFile(HARBOUR, 'statement.pdf'), '%PDF-1.4');
		expect(await problems()).toEqual([]);

		const training = await cli(content, [
			'new',
			'training',
			LANSHAN,
			'客服培训',
			'--trainer',
			'周老师',
			'--audience',
			'客服团队',
			'--id',
			'service-training',
			'--date',
			'2026-11-20',
		]);
		expect(training.code, training.text).toBe(0);
		const text = readFileSync(documentFile(LANSHAN, 'service-training.yaml'), 'utf8');
		expect(text).toContain('category: training');
		expect(text).toContain('trainer: 周老师');
		expect(text).toContain('# 培训的日期');
		expect(await problems()).toEqual([]);
	});

	it('refuses an unknown category or milestone before writing anything', async () => {
		expect((await cli(content, ['new', 'document', HARBOUR, 'X', '--category', 'manual'])).text).toContain(
			'--category: expected deliverable, handbook, specification, acceptance, other, found "manual"',
		);
		expect((await cli(content, ['new', 'document', HARBOUR, 'X', '--milestone', 'nope'])).text).toContain(
			'--milestone: expected a milestone id of harbour-museum',
		);
	});
});

describe('download details', () => {
	it('name any file exactly in Content-Disposition, with an ASCII fallback', () => {
		expect(contentDisposition('验收单 (签字).pdf')).toBe(
			`attachment; filename="___ (__).pdf"; filename*=UTF-8''%E9%AA%8C%E6%94%B6%E5%8D%95%20%28%E7%AD%BE%E5%AD%97%29.pdf`,
		);
		expect(contentDisposition('a"b.pdf')).toBe(`attachment; filename="a_b.pdf"; filename*=UTF-8''a%22b.pdf`);
	});
	it('show sizes as people read them', () => {
		expect(formatBytes(24_266, 'en')).toBe('24 kB');
		expect(formatBytes(182_317, 'en')).toBe('182 kB');
		expect(formatBytes(1_500_000, 'en')).toBe('1.5 MB');
	});
});
