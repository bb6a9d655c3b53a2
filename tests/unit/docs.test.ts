import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GENERATED_DOCS, ROOT } from '../tools/docs/generate-docs';
import { kindTables, schemaKinds } from '../tools/docs/field-tables';
import { emptyBlock, fillBlocks, REGENERATE } from '../tools/docs/generated-blocks';

const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const docs = [
	'README.md',
	...readdirSync(path.join(ROOT, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`),
];

/** Markdown without fenced code blocks and inline code, where `[x](y)` and `# x` are not links or headings. */
function prose(markdown: string): string {
	return markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/`[^`\n]*`/g, ' ');
}

/** GitHub's anchor for a heading: lowercase, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
	const anchors = new Set<string>();
	const withoutCode = markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
	for (const [, heading] of withoutCode.matchAll(/^#{1,6}\s+(.+?)\s*#*$/gm)) {
		const base = heading!
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/\s/g, '-');
		let anchor = base;
		for (let n = 1; anchors.has(anchor); n++) anchor = `${base}-${n}`;
		anchors.add(anchor);
	}
	return anchors;
}

/** Every `[text](target)` and `![alt](target)` of a Markdown file, outside code. */
function linksOf(markdown: string): string[] {
	return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]!);
}

describe('README.md', () => {
	it('fits on a screen: at most 12,000 bytes', () => {
		const bytes = statSync(path.join(ROOT, 'README.md')).size;
		expect(bytes, `README.md is ${bytes} bytes; move detail into docs/`).toBeLessThanOrEqual(12_000);
	});

	it('shows both screenshots and links every page of docs/', () => {
		const links = linksOf(read('README.md'));
		expect(links).toContain('docs/screenshot.png');
		expect(links).toContain('docs/lock-screen.png');
		for (const doc of docs.filter((file) => file !== 'README.md')) expect(links, `README.md does not link ${doc}`).toContain(doc);
	});
});

describe('links in the docs', () => {
	it('every relative link resolves to a file, and every anchor to a heading', () => {
		const broken: string[] = [];
		for (const doc of docs) {
			for (const link of linksOf(read(doc))) {
				if (/^[a-z][a-z+.-]*:/i.test(link)) continue; // https:, mailto:
				const [target = '', anchor] = link.split('#');
				const file = target ? path.join(path.dirname(doc), decodeURIComponent(target)) : doc;
				if (!existsSync(path.join(ROOT, file))) broken.push(`${doc}: ${link} (no ${file})`);
				else if (anchor !== undefined && file.endsWith('.md') && !anchorsOf(read(file)).has(anchor))
					broken.push(`${doc}: ${link} (no heading "#${anchor}" in ${file})`);
			}
		}
		expect(broken).toEqual([]);
	});

	it('finds links and anchors the way GitHub does', () => {
		expect(linksOf('See [a](docs/a.md#x) and ![b](b.png "B").\n```sh\n[c](nowhere.md)\n```\n`[d](e.md)`')).toEqual([
			'docs/a.md#x',
			'b.png',
		]);
		expect([
			...anchorsOf('## 6. Operations\n## `content/<client>/risks/<id>.yaml`\n## Notes\n## Notes\n```sh\n# not a heading\n```'),
		]).toEqual(['6-operations', 'contentclientrisksidyaml', 'notes', 'notes-1']);
	});
});

describe('docs/architecture.md', () => {
	it('names every top-level folder of src/', () => {
		const architecture = read('docs/architecture.md');
		const folders = readdirSync(path.join(ROOT, 'src'), { withFileTypes: true }).filter((entry) => entry.isDirectory());
		const missing = folders.map((folder) => `src/${folder.name}/`).filter((folder) => !architecture.includes(`\`${folder}\``));
		expect(missing, 'add a line for each to the map of src/ in docs/architecture.md').toEqual([]);
	});
});

describe('generated docs', () => {
	for (const doc of GENERATED_DOCS) {
		it(`${doc.file} is up to date with the code`, async () => {
			const current = read(doc.file);
			expect(await doc.render(current), `${doc.file} is out of date: run ${REGENERATE}`).toBe(current);
		});
	}

	it('authoring.md has a field table for every kind of src/kinds/', () => {
		const authoring = read('docs/authoring.md');
		const kinds = schemaKinds(path.join(ROOT, 'src'));
		expect(kinds).toEqual(
			expect.arrayContaining(['client', 'site', 'update', 'decision', 'milestone', 'risk', 'change', 'meeting', 'faq', 'closeout']),
		);
		for (const kind of kinds) expect(authoring).toContain(`<!-- end generated: fields ${kind} -->`);
	});

	it('cli.md has the usage of every command and of every kind of "new"', () => {
		const cli = read('docs/cli.md');
		for (const command of ['new', 'check', 'build', 'merge', 'digest', 'share', 'revoke', 'secret', 'leak-scan'])
			expect(cli).toContain(`### \`glasshouse ${command}\``);
		for (const kind of ['client', 'update', 'decision', 'milestone', 'faq', 'risk', 'change', 'meeting', 'closeout'])
			expect(cli).toContain(`#### \`glasshouse new ${kind}\``);
		expect(cli).toContain('Usage: glasshouse share <client>');
	});
});

describe('field tables', () => {
	// A kind made up for the test, in a src/ of its own: the generator reads whatever kinds exist.
	const output = path.join(ROOT, 'tests', '.output', 'docs');
	afterAll(() => rmSync(output, { recursive: true, force: true }));

	/** A src/ folder holding one kind, `widget`, with these fields; its path. */
	function writeWidget(name: string, fields: string): string {
		const src = path.join(output, name);
		const widget = path.join(src, 'kinds', 'widget', 'schema.ts');
		rmSync(src, { recursive: true, force: true });
		mkdirSync(path.dirname(widget), { recursive: true });
		writeFileSync(
			widget,
			`import { z } from 'zod';\nimport { TextSchema } from '@/kinds/common';\n\n/** \`content/<client>/widgets/<id>.yaml\`: a widget. */\nexport const WidgetSchema = z\n\t.object({\n${fields}\n\t})\n\t.strict();\n`,
		);
		return src;
	}

	it('are made from the schema: types, what is required, defaults, lists of entries and the JSDoc', async () => {
		const src = writeWidget(
			'documented',
			[
				'\t\t/** What the widget is called. */',
				'\t\tname: TextSchema,',
				'\t\t/** How many there are. */',
				'\t\tcount: z.number().int().min(1).max(9).default(3),',
				'\t\t/** Its parts. */',
				'\t\tparts: z.array(z.object({',
				"\t\t\t/** The part's colour. */",
				"\t\t\tcolour: z.enum(['red', 'blue']).optional(),",
				'\t\t}).strict()).default([]),',
			].join('\n'),
		);
		const [table] = await kindTables(src);
		expect(table!.kind).toBe('widget');
		expect(table!.markdown.split('\n')).toEqual([
			'`content/<client>/widgets/<id>.yaml`: a widget.',
			'',
			'| field | type | required | meaning |',
			'| --- | --- | --- | --- |',
			'| `name` | text | yes | What the widget is called. |',
			'| `count` | whole number from 1 to 9 | no (default `3`) | How many there are. |',
			'| `parts` | list of entries with the fields below | no | Its parts. |',
			"| `parts[].colour` | `red` or `blue` | no | The part's colour. |",
		]);
	});

	it('refuse a field without a JSDoc comment, naming it', async () => {
		const src = writeWidget('undocumented', '\t\t/** What the widget is called. */\n\t\tname: TextSchema,\n\t\tsize: z.number(),');
		await expect(kindTables(src)).rejects.toThrow(/widget: size/);
	});

	it('need a place in authoring.md for a new kind, and say how to add one', () => {
		const blocks = new Map([['fields widget', '| table |']]);
		expect(() => fillBlocks('# Authoring\n', 'docs/authoring.md', blocks)).toThrow(emptyBlock('fields widget'));
		expect(fillBlocks(`# Authoring\n\n${emptyBlock('fields widget')}\n\nMore.\n`, 'docs/authoring.md', blocks)).toBe(
			`# Authoring\n\n<!-- begin generated: fields widget (${REGENERATE}) -->\n\n| table |\n\n<!-- end generated: fields widget -->\n\nMore.\n`,
		);
	});
});
