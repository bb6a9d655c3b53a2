import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkErrors, cli, freshDemoCopyEachTest, readContentFile } from '../support/temp-content';

const TIDEWATER = 'tidewater-logistics';
const JINGHONG = 'jinghong-precision';

let content: string;
freshDemoCopyEachTest((copy) => (content = copy));

/** Each Markdown kind's `new` command, and the folder its file goes to ('' for the client's own folder). */
const MARKDOWN_KINDS: [kind: string, args: string[], folder: string][] = [
	['update', ['--date', '2026-11-27'], 'updates'],
	['decision', ['Host the archive on object storage'], 'decisions'],
	['faq', ['Where are the invoices?'], 'faq'],
	['change', ['Add a second warehouse'], 'changes'],
	['meeting', ['review', '--date', '2026-11-23'], 'meetings'],
	['closeout', [], ''],
];

/** The files of a folder that the command added. */
function added(folder: string, before: string[]): string[] {
	return readdirSync(folder).filter((name) => !before.includes(name));
}

describe('glasshouse new … --md', () => {
	for (const client of [TIDEWATER, JINGHONG]) {
		it.each(MARKDOWN_KINDS)(`writes a %s of ${client} as .md or .mdx, each passing the check`, async (kind, args, folder) => {
			const dir = path.join(content, client, folder);
			const before = readdirSync(dir, { withFileTypes: false }).map(String);
			for (const format of kind === 'closeout' ? ['--md'] : ['--md', '']) {
				const dated =
					kind === 'update' && !format
						? ['--date', '2026-12-04']
						: kind === 'meeting' && !format
							? ['review', '--date', '2026-11-24']
							: args;
				const titled = !format && ['decision', 'change', 'faq'].includes(kind) ? [`${args[0]} too`] : dated;
				const run = await cli(content, ['new', kind, client, ...titled, ...(format ? [format] : [])]);
				expect(run.code, run.text).toBe(0);
			}
			const names = added(dir, before).sort();
			const extensions = names.map((name) => path.extname(name));
			// An FAQ answer is always plain Markdown; the other kinds default to MDX.
			expect(extensions).toEqual(kind === 'closeout' ? ['.md'] : kind === 'faq' ? ['.md', '.md'] : expect.arrayContaining(['.md', '.mdx']));
			for (const name of names) {
				const { text } = readContentFile(path.join(dir, name));
				// A comment in the other format's form would show as text (.md) or fail to compile (.mdx).
				if (name.endsWith('.md')) expect(text).not.toContain('{/*');
				else expect(text).not.toContain('<!--');
			}
			expect(await checkErrors(content)).toEqual([]);
		});
	}

	it('carries the "In progress" items over in an HTML comment in a .md update, an MDX comment in a .mdx one', async () => {
		expect((await cli(content, ['new', 'update', TIDEWATER, '--date', '2026-11-27', '--md'])).code).toBe(0);
		const md = readContentFile(path.join(content, TIDEWATER, 'updates', '2026-11-27.md')).body;
		expect(md).toContain('<!--\nIn progress on 2026-11-20; move what is finished to Done:\n- ');
		expect(md).not.toContain('{/*');
		expect((await cli(content, ['new', 'update', TIDEWATER, '--date', '2026-12-04'])).code).toBe(0);
		const mdx = readContentFile(path.join(content, TIDEWATER, 'updates', '2026-12-04.mdx')).body;
		expect(mdx).toContain('{/*\nIn progress on 2026-11-27;');
		expect(await checkErrors(content)).toEqual([]);
	});

	it('refuses an update for a day that has one in the other format', async () => {
		expect((await cli(content, ['new', 'update', TIDEWATER, '--date', '2026-11-27', '--md'])).code).toBe(0);
		const again = await cli(content, ['new', 'update', TIDEWATER, '--date', '2026-11-27']);
		expect(again.code).not.toBe(0);
		expect(again.text).toContain('2026-11-27.md already exists');
	});
});
