import { describe, expect, it } from 'vitest';
import { checkLink, workingLink, type ClientPages } from '@/check/check-links';
import { checkImage } from '@/check/check-images';
import { describeRootResource, remoteResourcesOfElement } from '@/check/remote-resources';
import { ROOT } from '../support/build-site';

const pages: ClientPages = {
	slug: 'acme',
	entries: new Map<string, Set<string> | undefined>([
		['decisions', new Set(['12', '13'])],
		['updates', new Set(['2026-01-09'])],
		['risks', undefined],
	]),
	indexes: new Set(['decisions', 'updates', 'risks']),
	numbered: new Map([
		[
			'decisions',
			new Map([
				[12, '12'],
				[13, '13'],
			]),
		],
	]),
};
/** A decision's page: its links resolve from /acme/decisions/<n>/. */
const DECISION = '/acme/decisions/page/';

describe('links from the site root, which break under a base path', () => {
	it('are errors even when they name a page, with the relative link that works (kept fragment)', () => {
		expect(checkLink('/acme/decisions/13/', DECISION, pages)).toMatch(
			/^expected a link relative to the page \(or a full address\), found \/acme\/decisions\/13\/, a path from the site's root: the site may be published under a base path \(GLASSHOUSE_BASE, .*\), where it leads to no page and the build fails on it; write \.\.\/13\/$/,
		);
		expect(workingLink('/acme/decisions/13/#options', DECISION, pages)).toBe('../13/#options');
		expect(workingLink('/acme/updates/2026-01-09', DECISION, pages)).toBe('../../updates/2026-01-09/');
		expect(workingLink('/acme/', DECISION, pages)).toBe('../../');
		expect(workingLink('/acme/decisions/0012-cache.md', DECISION, pages)).toBe('../12/');
	});

	it('to another client or a shared file: an error with no link to suggest', () => {
		expect(checkLink('/other/decisions/1/', DECISION, pages)).toMatch(
			/a path from the site's root: .*; link to the page relative to this one/,
		);
		expect(workingLink('/favicon.svg', DECISION, pages)).toBeUndefined();
	});

	it('leave relative links, full addresses and fragments alone', () => {
		for (const url of [
			'../13/',
			'../../updates/2026-01-09/',
			'https://example.com/',
			'//cdn.example.com/x.js',
			'#options',
			'mailto:a@b.example',
		])
			expect(checkLink(url, DECISION, pages), url).toBeUndefined();
	});

	it('for an image or another file the page loads: an error that says to put it beside the page', async () => {
		const image = await checkImage('/images/logo.png', 'content/acme/decisions/0013-x.md', ROOT, false);
		expect(image?.severity).toBe('error');
		expect(image?.message).toMatch(
			/found \/images\/logo\.png, a path from the site's root: .*; put the file beside the page and write !\[…\]\(\.\/logo\.png\)$/,
		);
		const [script] = remoteResourcesOfElement('script', { src: '/widget.js' });
		expect(script).toEqual({ url: '/widget.js', via: '<script src>' });
		expect(describeRootResource(script!)).toMatch(
			/loading \/widget\.js, a path from the site's root: .*leads nowhere; put it somewhere the client can download it from/,
		);
	});
});
