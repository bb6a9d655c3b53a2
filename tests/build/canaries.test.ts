import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFiles } from '@/lib/list-files';
import { buildSite, ROOT, type BuildRun } from '../support/build-site';
import { openPage, openSearchIndex } from '../support/open-page';
import { minimalPdf } from '../support/minimal-pdf';

// Unique strings planted in each kind of source of a copy of the demo; none may reach the output
// in clear, and each must be inside the encrypted page it belongs to.
const CANARIES = {
	updateBody: 'zq7canary-update-body',
	decisionTitle: 'zq7canary-decision-title',
	faqAnswer: 'zq7canary-faq-answer',
	contactEmail: 'zq7canary-email@tidewater-logistics.eu',
	image: 'zq7canary-image-text',
	feedbackSummary: 'zq7canary-feedback-summary',
	feedbackBody: 'zq7canary-feedback-body',
	glossaryTerm: 'zq7canaryterm',
	glossaryDefinition: 'zq7canary-glossary-definition',
	documentTitle: 'zq7canary-document-title',
	fileName: 'zq7canary-file-name',
	pdfText: 'zq7canary-pdf-text',
	surveyComment: 'zq7canary-survey-comment',
	surveyOutsider: 'zq7canary-survey-outsider',
};
const CLIENT = 'tidewater-logistics';

function plant(content: string) {
	const edit = (file: string, change: (text: string) => string) => {
		const absolute = path.join(content, CLIENT, file);
		writeFileSync(absolute, change(readFileSync(absolute, 'utf8')));
	};
	writeFileSync(
		path.join(content, CLIENT, 'updates', 'canary.svg'),
		`<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><text x="4" y="24">${CANARIES.image}</text></svg>`,
	);
	edit(
		'updates/2026-11-20.mdx',
		(text) => `${text}\n\nThe ${CANARIES.updateBody} sentence is planted here.\n\n![Planted diagram](./canary.svg)\n`,
	);
	edit('decisions/0001-use-sanity-as-the-headless-cms.mdx', (text) =>
		text.replace(/^title: (.*)$/m, `title: $1 ${CANARIES.decisionTitle}`),
	);
	edit('faq/who-to-contact.md', (text) => `${text}\nAsk about ${CANARIES.faqAnswer} any time.\n`);
	edit('feedback/0004-staging-site-down.mdx', (text) =>
		text
			.replace(/^summary: (.*)$/m, `summary: $1 ${CANARIES.feedbackSummary}`)
			.concat(`\nWe wrote ${CANARIES.feedbackBody} in the response.\n`),
	);
	// A document whose title, attachment name and PDF text are canaries.
	writeFileSync(path.join(content, CLIENT, 'documents', `${CANARIES.fileName}.pdf`), minimalPdf(`Planted ${CANARIES.pdfText} words`));
	writeFileSync(
		path.join(content, CLIENT, 'documents', 'planted.yaml'),
		`id: planted\ntitle: Planted ${CANARIES.documentTitle}\ncategory: other\ndate: 2026-11-02\nfiles: [${CANARIES.fileName}.pdf]\n`,
	);
	edit('surveys/2026-10-05-design-system.yaml', (text) =>
		text
			.replace(
				'went-well: The Wednesday status is exactly what we needed.',
				`went-well: The ${CANARIES.surveyComment} status is exactly what we needed.`,
			)
			.replace('outsider: Chair of the customer advisory panel', `outsider: Chair of the ${CANARIES.surveyOutsider} panel`),
	);
	edit('client.yaml', (text) => text.replace(/email: \S+@tidewater-logistics\.eu/, `email: ${CANARIES.contactEmail}`));
	// A glossary term, used in an update's body: its definition is on the Glossary page and in the update's popover.
	edit(
		'glossary.yaml',
		(text) => `${text}  - term: ${CANARIES.glossaryTerm}\n    definition: The ${CANARIES.glossaryDefinition} is planted here.\n`,
	);
	edit('updates/2026-11-13.mdx', (text) => `${text}\n\nThe ${CANARIES.glossaryTerm} is used here.\n`);
}

describe('canaries planted in every kind of source', () => {
	const content = mkdtempSync(path.join(tmpdir(), 'glasshouse-canaries-'));
	let run: BuildRun;
	beforeAll(async () => {
		cpSync(path.join(ROOT, 'content'), content, { recursive: true });
		plant(content);
		run = await buildSite('canaries', content);
	});

	it('build, pass the leak scan, and appear in no output file in clear', async () => {
		expect(run.status, run.stderr).toBe(0);
		for (const file of await listFiles(run.outDir)) {
			const bytes = await readFile(path.join(run.outDir, file));
			const text = (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
			for (const canary of Object.values(CANARIES)) expect(text, `${canary} in ${file}`).not.toContain(canary.split('@')[0]);
			expect(file).not.toMatch(/canary/);
		}
	});

	it('are each inside the encrypted page they belong to', async () => {
		const update = await openPage(run.outDir, content, `${CLIENT}/updates/2026-11-20/index.html`);
		expect(update).toContain(CANARIES.updateBody);
		const image = /<img src="data:image\/svg\+xml;base64,([^"]+)" alt="Planted diagram"/.exec(update);
		expect(image, 'the planted image is inlined into the page').not.toBeNull();
		expect(Buffer.from(image![1]!, 'base64').toString('utf8')).toContain(CANARIES.image);
		expect(await openPage(run.outDir, content, `${CLIENT}/decisions/1/index.html`)).toContain(CANARIES.decisionTitle);
		expect(await openPage(run.outDir, content, `${CLIENT}/faq/index.html`)).toContain(CANARIES.faqAnswer);
		const feedback = await openPage(run.outDir, content, `${CLIENT}/feedback/4/index.html`);
		expect(feedback).toContain(CANARIES.feedbackSummary);
		expect(feedback).toContain(CANARIES.feedbackBody);
		expect(await openPage(run.outDir, content, `${CLIENT}/feedback/index.html`)).toContain(CANARIES.feedbackBody);
		expect(await openPage(run.outDir, content, `${CLIENT}/contacts/index.html`)).toContain(CANARIES.contactEmail);
		expect(await openPage(run.outDir, content, `${CLIENT}/glossary/index.html`)).toContain(CANARIES.glossaryDefinition);
		const marked = await openPage(run.outDir, content, `${CLIENT}/updates/2026-11-13/index.html`);
		expect(marked).toMatch(new RegExp(`<button[^>]*>${CANARIES.glossaryTerm}</button>`));
		expect(marked).toContain(CANARIES.glossaryDefinition);
		const library = await openPage(run.outDir, content, `${CLIENT}/documents/index.html`);
		expect(library).toContain(CANARIES.documentTitle);
		expect(library).toContain(`${CANARIES.fileName}.pdf`);
		// The PDF's text is in the sealed search index only (Pagefind's fragments are gzipped JSON).
		const index = await openSearchIndex(run.outDir, content, CLIENT);
		const indexed = [...index.files.values()].map(({ plain }) =>
			(plain[0] === 0x1f && plain[1] === 0x8b ? gunzipSync(plain) : Buffer.from(plain)).toString('utf8'),
		);
		expect(indexed.some((text) => text.includes(CANARIES.pdfText))).toBe(true);
		expect(library).not.toContain(CANARIES.pdfText);
		expect(await openPage(run.outDir, content, `${CLIENT}/surveys/2026-10-05/index.html`)).toContain(CANARIES.surveyComment);
	});
});
