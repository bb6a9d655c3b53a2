import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, type BuildRun } from '../support/build-site';
import { openPage } from '../support/open-page';
import { checkErrors, cli, copyContent, MINIMAL_CONTENT } from '../support/temp-content';

// Alpha's second password entry is chosen by the client and read from the environment.
const ALPHA_OFFICE_PASSWORD = 'quartz-lantern-orbit-mosaic-fable';
// openPage derives the keys as the build did, from the same environment.
process.env.ALPHA_OFFICE_PASSWORD = ALPHA_OFFICE_PASSWORD;

/**
 * Every Markdown kind's scaffold, as `.md` and as `.mdx`, for an English (alpha) and a Chinese
 * (beta) client, written by `glasshouse new` and built unedited: what the scaffolds write must
 * pass the check and the build as it is.
 */
describe('a site of unedited scaffolds in both formats and both locales', () => {
	let content: string;
	let run: BuildRun;
	beforeAll(async () => {
		content = copyContent(MINIMAL_CONTENT);
		const commands: string[][] = [];
		for (const [client, day] of [
			['alpha', '2026-01'],
			['beta', '2026-02'],
		] as const) {
			// The second update carries the first one's "In progress" items in a comment, the third carries them back.
			commands.push(
				['update', client, '--date', `${day}-16`],
				['update', client, '--date', `${day}-23`, '--md'],
				['update', client, '--date', `${day}-27`],
				['decision', client, 'Host the archive', '--date', `${day}-16`],
				['decision', client, '归档托管方案', '--date', `${day}-16`, '--md'],
				['change', client, 'Add a report', '--date', `${day}-16`],
				['change', client, '增加报表', '--date', `${day}-16`, '--md'],
				['meeting', client, 'weekly', '--date', `${day}-16`],
				['meeting', client, 'review', '--date', `${day}-16`, '--md'],
				['faq', client, 'Where are the invoices?'],
				['closeout', client, '--date', `${day}-27`, ...(client === 'alpha' ? ['--md'] : [])],
			);
		}
		for (const args of commands) {
			const result = await cli(content, ['new', ...args]);
			expect(result.code, `${args.join(' ')}\n${result.text}`).toBe(0);
		}
		run = await buildSite('scaffolds', content, { env: { ALPHA_OFFICE_PASSWORD } });
	}, 300_000);

	it('passes the check', async () => {
		expect(await checkErrors(content, '2026-02-28')).toEqual([]);
	});

	it('builds', () => {
		expect(run.status, run.stderr).toBe(0);
	});

	// Markdown passes an HTML comment through to the page's source (sealed with the page, like any
	// comment an author writes in .md); what matters is that it is never shown as text.
	const shown = (html: string) => html.replace(/<!--[\s\S]*?-->/g, '');

	it('never shows the carried-over comment, as text or in the page source, in .md as in .mdx', async () => {
		// The author's comments stay out of the page's source too (see remarkDropComments).
		const md = await openPage(run.outDir, content, path.join('alpha', 'updates', '2026-01-23', 'index.html'));
		expect(md).toContain('In progress');
		expect(md).not.toContain('move what is finished to Done');
		for (const day of ['2026-01-23', '2026-01-27']) {
			const html = shown(await openPage(run.outDir, content, path.join('alpha', 'updates', day, 'index.html')));
			expect(html).not.toContain('move what is finished to Done');
			expect(html).not.toContain('{/*');
		}
		const zh = shown(await openPage(run.outDir, content, path.join('beta', 'updates', '2026-02-23', 'index.html')));
		expect(zh).not.toContain('已完成的请移到');
		expect(zh).toContain('进行中');
	});
});
