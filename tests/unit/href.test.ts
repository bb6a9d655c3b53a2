import { describe, expect, it } from 'vitest';
import { href } from '@/lib/href';
import { hexToRgbChannels } from '@/kinds/client/accent';

describe('href', () => {
	it('joins segments under the base with a trailing slash', () => {
		expect(href('/', 'acme', 'updates', '2026-01-09')).toBe('/acme/updates/2026-01-09/');
		expect(href('/status', 'acme')).toBe('/status/acme/');
		expect(href('/status/')).toBe('/status/');
		expect(href('/', 'a b')).toBe('/a%20b/');
	});
});

describe('hexToRgbChannels', () => {
	it('converts a hex colour to space-separated channels', () => {
		expect(hexToRgbChannels('#0e7490')).toBe('14 116 144');
	});
});
