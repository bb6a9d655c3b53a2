import { describe, expect, it } from 'vitest';
import { shareLink } from '@/keys/build-keyring';
import { deriveLinkToken } from '@/keys/derive-credentials';
import { classifyFragment } from '@/runtime/link-fragment';
import { SlugSchema } from '@/kinds/common';

const MASTER = new Uint8Array(Array.from({ length: 32 }, (_, i) => i));
const fragmentOf = (link: string) => link.slice(link.indexOf('#'));

describe('classifyFragment', () => {
	it('takes a link as `glasshouse share` prints it as a whole link', async () => {
		for (const [entry, rotation] of [
			['aoife-brennan', 0],
			['declan-murphy', 3],
			['cfo', 1],
			['team-2026', 0],
		] as const) {
			const token = await deriveLinkToken(MASTER, 'tidewater-logistics', entry, rotation);
			const fragment = fragmentOf(shareLink('https://status.example.com', '/glasshouse/', 'tidewater-logistics', entry, token));
			expect(classifyFragment(fragment)).toEqual({ kind: 'link', entry, token });
		}
	});

	it('calls every truncation of a link that keeps the dot incomplete, down to no token at all', async () => {
		const token = await deriveLinkToken(MASTER, 'tidewater-logistics', 'aoife-brennan', 0);
		const whole = `#aoife-brennan.${token}`;
		for (let length = '#aoife-brennan.'.length; length < whole.length; length++) {
			expect(classifyFragment(whole.slice(0, length)), whole.slice(0, length)).toEqual({ kind: 'incomplete' });
		}
	});

	it('calls a token that is too long, or holds characters a token never has, incomplete', async () => {
		const token = await deriveLinkToken(MASTER, 'tidewater-logistics', 'aoife-brennan', 0);
		for (const damaged of [
			`#aoife-brennan.${token}A`,
			`#aoife-brennan.${token}${token}`,
			`#aoife-brennan.${token}.`,
			`#aoife-brennan.${token})`,
			`#aoife-brennan.${token.slice(0, 20)}%20${token.slice(20)}`,
			`#aoife-brennan.${token.replace(/[-_]/g, '+')}x/`,
			`#aoife-brennan.${token.slice(0, 42)}=`,
			`#Aoife-Brennan.${token}`,
			`#aoife_brennan.${token}`,
			`#aoife-brennan..${token}`,
		]) {
			expect(classifyFragment(damaged), damaged).toEqual({ kind: 'incomplete' });
		}
	});

	it("leaves the site's own anchors and the search page's state alone", () => {
		for (const anchor of [
			'',
			'#',
			'#main',
			'#action-2',
			'#decision-outcome',
			'#q-how-do-i-log-in',
			'#risk-carrier-api-delay',
			'#totals-approved',
			'#team-agency',
			'#group-done',
			'#user-content-fn-1',
			'#q=v1.2&type=decision',
			'#type=update&q=release+2.0',
			'#%E5%86%B3%E7%AD%96',
			'#%zz',
			'#%E0%A4%A',
		]) {
			expect(classifyFragment(anchor), anchor).toEqual({ kind: 'none' });
		}
	});

	it('relies on slugs never holding a dot, which keeps slug-built anchors from looking like links', () => {
		for (const slug of ['v1.2', 'phase.1', 'a.b']) expect(SlugSchema.safeParse(slug).success, slug).toBe(false);
	});

	it('errs on the side of a link for an anchor that starts like one (a hand-written id="v1.2")', () => {
		expect(classifyFragment('#v1.2')).toEqual({ kind: 'incomplete' });
	});
});
