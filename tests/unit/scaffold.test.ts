import { describe, expect, it } from 'vitest';
import { headersFile, headersFor } from '@/post-build/security-headers';
import { problemsOfNewFile } from '@/scaffold/validate-new-file';
import { renderUpdate } from '@/scaffold/render-update';
import { sectionItems } from '@/scaffold/section-items';
import { slugify } from '@/scaffold/slugify';
import { defaultUpdateDate } from '@/scaffold/update-date';
import { localToday, weekdayOnOrAfter } from '@/lib/calendar';

describe('slugify', () => {
	it.each([
		['Host the front end on Netlify', 'host-the-front-end-on-netlify'],
		["Don't use Tomás' café API", 'dont-use-tomas-cafe-api'],
		['Straße & Co: phase 2!', 'strasse-co-phase-2'],
		['UAT 顺延一周', undefined],
		['— ? —', undefined],
		[
			'Use a redirect map for every old page of the site so links keep working after launch',
			'use-a-redirect-map-for-every-old-page-of-the-site-so-links',
		],
	])('%s → %s', (title, slug) => {
		expect(slugify(title)).toBe(slug);
	});
});

describe('sectionItems', () => {
	const body = [
		'## Done',
		'',
		'- a',
		'',
		'## Next',
		'',
		'- first',
		'  continued',
		'  - nested',
		'* second',
		'',
		'A paragraph.',
		'',
		'1. third',
		'',
		'```md',
		'## Not a heading',
		'- not an item',
		'```',
		'### Deeper stays inside',
		'- fourth',
		'## Risks',
		'- not next',
	].join('\n');
	it('collects the items of one section with their continuation lines', () => {
		expect(sectionItems(body, ['next'])).toEqual(['first\n  continued\n  - nested', 'second', 'third', 'fourth']);
		expect(sectionItems(body, ['Done'])).toEqual(['a']);
		expect(sectionItems(body, ['下一步'])).toEqual([]);
	});
});

describe('defaultUpdateDate', () => {
	const weekly = { every: 'week', day: 'friday' } as const;
	it('is the cadence weekday on or after today', () => {
		expect(defaultUpdateDate('2026-11-22', weekly, '2026-11-20')).toBe('2026-11-27');
		expect(defaultUpdateDate('2026-11-27', weekly, '2026-11-20')).toBe('2026-11-27');
		expect(defaultUpdateDate('2026-12-15', weekly, '2026-11-20')).toBe('2026-12-18');
		expect(defaultUpdateDate('2026-11-22', weekly)).toBe('2026-11-27');
	});
	it('keeps fortnightly and monthly cadences in phase while the next one is ahead', () => {
		expect(defaultUpdateDate('2026-11-22', { every: 'two-weeks', day: 'friday' }, '2026-11-20')).toBe('2026-12-04');
		expect(defaultUpdateDate('2026-12-10', { every: 'two-weeks', day: 'friday' }, '2026-11-20')).toBe('2026-12-11');
		expect(defaultUpdateDate('2026-11-22', { every: 'month', day: 'monday' }, '2026-11-02')).toBe('2026-12-07');
	});
	it('counts weekdays on or after a day', () => {
		expect(weekdayOnOrAfter('2026-11-20', 'friday')).toBe('2026-11-20');
		expect(weekdayOnOrAfter('2026-11-21', 'friday')).toBe('2026-11-27');
		expect(localToday(new Date(2026, 0, 5, 0, 30))).toBe('2026-01-05');
	});
});

describe('problemsOfNewFile', () => {
	it('reports what glasshouse check would, with file, line and field', async () => {
		const { text } = renderUpdate('2026-11-27', 'en');
		expect(await problemsOfNewFile('update', 'acme/updates/2026-11-27.mdx', text)).toEqual([]);
		const [wrongName] = await problemsOfNewFile('update', 'acme/updates/2026-11-28.mdx', text);
		expect(wrongName).toMatchObject({ field: 'date', line: 2, message: "expected the file name's date (2026-11-28), found 2026-11-27" });
		const [badBody] = await problemsOfNewFile('update', 'acme/updates/2026-11-27.mdx', `${text}\n<div>\n`);
		expect(badBody).toMatchObject({ field: 'body', message: expect.stringContaining('expected valid MDX') });
		const [badId] = await problemsOfNewFile(
			'milestone',
			'acme/milestones/x.yaml',
			'id: X\ntitle: t\nstart: 2026-01-01\ndue: 2026-01-02\nstatus: planned\nowner: o\n',
		);
		expect(badId).toMatchObject({ field: 'id', line: 1 });
	});
});

describe('_headers', () => {
	it('sets the policy and the privacy headers under the base path', () => {
		expect(headersFile('/').split('\n')[1]).toBe('/*');
		const file = headersFile('/status/');
		expect(file.split('\n')[1]).toBe('/status/*');
		expect(headersFor(file, '/status/acme/updates/')).toEqual({
			'Content-Security-Policy':
				"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
			'X-Robots-Tag': 'noindex',
			'Referrer-Policy': 'no-referrer',
			'X-Frame-Options': 'DENY',
			'X-Content-Type-Options': 'nosniff',
		});
		expect(headersFor(file, '/elsewhere/')).toEqual({});
	});
});
