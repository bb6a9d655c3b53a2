import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '@/check/check-content';
import { formatProblem } from '@/check/problem';
import { describeRemoteResource, remoteResourcesInHtml, remoteResourcesOfElement } from '@/check/remote-resources';
import { ROOT } from '../support/build-site';

const FIXTURE = 'tests/fixtures/remote-resources/content';

describe('remote resources on a private client', () => {
	it('finds what an HTML tag, a style attribute and a <style> block load from other sites, on their lines', () => {
		const html = [
			'<script src="https://cdn.example.com/a.js"></script>',
			"<link rel='stylesheet' href=https://fonts.example.com/inter.css>",
			'<link rel="canonical" href="https://example.com/page">',
			'<img srcset="./small.png 1x, https://cdn.example.com/big.png 2x">',
			'<style>',
			'  body { background: url("https://cdn.example.com/bg.png"); }',
			'</style>',
			'<script src="./local.js"></script>',
		].join('\n');
		expect(remoteResourcesInHtml(html, 10)).toEqual([
			{ line: 10, url: 'https://cdn.example.com/a.js', via: '<script src>' },
			{ line: 11, url: 'https://fonts.example.com/inter.css', via: '<link rel="stylesheet">' },
			{ line: 13, url: './small.png', via: '<img srcset>' },
			{ line: 13, url: 'https://cdn.example.com/big.png', via: '<img srcset>' },
			{ line: 17, url: './local.js', via: '<script src>' },
			{ line: 14, url: 'https://cdn.example.com/bg.png', via: 'CSS url()' },
		]);
		expect(remoteResourcesOfElement('iframe', { src: '//player.example.com/x', style: 'background:url(https://x.example/y.gif)' })).toEqual(
			[
				{ url: '//player.example.com/x', via: '<iframe src>' },
				{ url: 'https://x.example/y.gif', via: 'CSS url()' },
			],
		);
	});

	it('says the browser would fetch it from a third party, the CSP blocks it, and how to fix it', () => {
		const script = describeRemoteResource({ url: 'https://cdn.example.com/widget.js?v=2', via: '<script src>' });
		expect(script).toMatch(/visitor's browser would fetch it from a third party/);
		expect(script).toMatch(/Content-Security-Policy blocks it/);
		expect(script).toMatch(/link to it instead \(\[text\]\(https:\/\/cdn\.example\.com\/widget\.js\?v=2\)\)/);
		expect(describeRemoteResource({ url: 'https://cdn.example.com/poster.jpg', via: '<video poster>' })).toMatch(
			/download poster\.jpg next to the page and show it with !\[…\]\(\.\/poster\.jpg\)$/,
		);
	});

	it('is an error in .md and .mdx bodies of a private client, not in code blocks, links or a public client; one beside the page is an error anywhere', async () => {
		const result = await checkContent(path.join(ROOT, FIXTURE), { today: '2026-01-20', displayRoot: ROOT });
		const printed = result.errors.map(formatProblem);
		const where = printed.map((line) => line.replace(/  body: .* found (.+?) loading (\S+?)(?: from the page's folder)?: .*/, ' $1 $2'));
		expect(where).toEqual([
			`${FIXTURE}/acme/updates/2026-01-09.md:9 <script src> https://cdn.example.com/widget.js`,
			`${FIXTURE}/acme/updates/2026-01-09.md:11 <iframe src> https://www.youtube.com/embed/abc`,
			`${FIXTURE}/acme/updates/2026-01-09.md:13 <link rel="stylesheet"> https://fonts.example.com/css?family=Inter`,
			`${FIXTURE}/acme/updates/2026-01-09.md:17 CSS url() https://cdn.example.com/bg.png`,
			`${FIXTURE}/acme/updates/2026-01-09.md:19 <video src> ./clip.mp4`,
			`${FIXTURE}/acme/updates/2026-01-09.md:19 <video poster> https://cdn.example.com/poster.jpg`,
			`${FIXTURE}/acme/updates/2026-01-16.mdx:9 <audio src> https://media.example.com/standup.mp3`,
			`${FIXTURE}/acme/updates/2026-01-16.mdx:12 <source src> https://media.example.com/demo.webm`,
			`${FIXTURE}/acme/updates/2026-01-16.mdx:15 <script src> //cdn.example.com/protocol-relative.js`,
			`${FIXTURE}/open/updates/2026-01-09.md:11 <audio src> ./standup.mp3`,
		]);
		expect(printed.at(-1)).toMatch(
			/from the page's folder: the build copies only Markdown images .* broken link \(the build fails on it\)/,
		);
	});

	it("is a warning on a public client's page: the site's CSP blocks it where the host applies _headers", async () => {
		const result = await checkContent(path.join(ROOT, FIXTURE), { today: '2026-01-20', displayRoot: ROOT });
		const open = result.warnings.filter((problem) => problem.file.startsWith(`${FIXTURE}/open/updates/`)).map(formatProblem);
		expect(open).toHaveLength(2);
		expect(open[0]).toMatch(
			/2026-01-09\.md:9 {2}warning body: expected every file the page loads to be stored beside it, found <script src> loading https:\/\/cdn\.example\.com\/widget\.js: this client's site is public, but .*Netlify, Cloudflare Pages\) block it .*; link to it instead/,
		);
		expect(open[1]).toMatch(
			/2026-01-09\.md:13 {2}warning body: expected an image stored beside the page, found the remote image https:\/\/cdn\.example\.com\/logo\.png: this client's site is public.*; download the file next to the page and write !\[…\]\(\.\/logo\.png\)$/,
		);
	});
});
