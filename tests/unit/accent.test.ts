import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { accentShades, contrastRatio, MIN_ACCENT_CONTRAST } from '@/kinds/client/accent';
import { checkAccent } from '@/check/check-accent';
import { formatProblem } from '@/check/problem';
import { loadContent } from '@/loader/load-content';
import { ROOT } from '../support/build-site';

describe('contrastRatio', () => {
	it('gives the WCAG ratios of known pairs', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
		// Tailwind slate-300 on white: the old form field border, 1.48:1.
		expect(contrastRatio('#cbd5e1', '#ffffff')).toBeCloseTo(1.48, 2);
	});
});

describe('accentShades', () => {
	it('keeps a readable brand colour for text as it is', () => {
		for (const accent of ['#0e7490', '#b45309', '#15803d', '#1e40af']) expect(accentShades(accent).ink).toBe(accent);
	});

	it('darkens a light brand colour for text, keeping its hue, and keeps the colour itself for decoration', () => {
		const { decoration, ink, contrast } = accentShades('#FBBF24');
		expect(decoration).toBe('#fbbf24');
		expect(contrast).toBeLessThan(2);
		expect(contrastRatio(ink, '#ffffff')).toBeGreaterThanOrEqual(MIN_ACCENT_CONTRAST);
		expect(contrastRatio(ink, '#f8fafc')).toBeGreaterThanOrEqual(MIN_ACCENT_CONTRAST);
		// Darkened only as far as needed: one step lighter would not reach 4.5:1.
		expect(contrastRatio(ink, '#ffffff')).toBeLessThan(6);
		const [r, g, b] = [1, 3, 5].map((start) => Number.parseInt(ink.slice(start, start + 2), 16));
		expect(r! > g! && g! > b!).toBe(true);
	});

	it('is worked out once per colour for all pages, and each client keeps its own colour', () => {
		const first = accentShades('#FBBF24');
		expect(accentShades('#FBBF24')).toBe(first);
		expect(Object.isFrozen(first)).toBe(true);
		expect(accentShades('#0e7490')).toEqual({ decoration: '#0e7490', ink: '#0e7490', contrast: accentShades('#0e7490').contrast });
		expect(accentShades('#0e7490').decoration).not.toBe(first.decoration);
		expect(accentShades('#fbbf24').ink).toBe(first.ink);
	});
});

describe('check: accent contrast', () => {
	async function checkWith(accent: string) {
		const dir = mkdtempSync(path.join(tmpdir(), 'gh-accent-'));
		cpSync(path.join(ROOT, 'tests/fixtures/minimal/content'), dir, { recursive: true });
		const client = path.join(dir, 'alpha', 'client.yaml');
		writeFileSync(client, `${readFileSync(client, 'utf8')}\naccent: "${accent}"\n`);
		const loaded = await loadContent(dir, dir);
		return loaded.clients.flatMap((entry) => checkAccent(entry)).map(formatProblem);
	}

	it('warns about a light accent with its ratio and the shade the site uses instead', async () => {
		const problems = await checkWith('#38bdf8');
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^alpha\/client\.yaml:\d+ {2}warning accent: expected a colour with at least 4\.5:1 contrast on white/);
		expect(problems[0]).toContain('found #38bdf8 at 2.14:1');
		expect(problems[0]).toContain(`uses the darker ${accentShades('#38bdf8').ink}`);
		expect(problems[0]).toContain(`set accent: "${accentShades('#38bdf8').ink}"`);
	});

	it('says nothing about a readable accent', async () => {
		expect(await checkWith('#0f766e')).toEqual([]);
	});
});
