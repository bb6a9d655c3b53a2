import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromUtf8, fromBase64 } from '@/runtime/crypto/bytes';
import { open, pageAad, type Envelope } from '@/runtime/crypto/envelope';
import { encryptClient } from '@/encrypt/encrypt-client';
import { generateContentKey } from '@/keys/build-keyring';
import { readShell } from '../support/open-page';

const PAGE = `<!doctype html><html><head><link rel="stylesheet" href="/_astro/index.Ab12.css"><link rel="stylesheet" href="/acme/own.css"></head><body><main id="main">${'<p>The zebrafinch ledger moved to Monday.</p>'.repeat(1000)}</main></body></html>`;

const BUILD = { id: 'q8CEz2xk1Jw4r0n6u5Zf3A', time: '2026-12-01T09:30:00Z' };

describe('encryptClient', () => {
	it('writes a shell with the compressed page sealed inside, preloading only the shared stylesheets', async () => {
		const outDir = await mkdtemp(path.join(tmpdir(), 'glasshouse-encrypt-'));
		await mkdir(path.join(outDir, 'acme'), { recursive: true });
		await writeFile(path.join(outDir, 'acme', 'index.html'), PAGE);
		const contentKey = await generateContentKey();
		const result = await encryptClient({
			outDir,
			base: '/',
			client: 'acme',
			locale: 'en',
			agency: 'Agency',
			rememberDays: 30,
			keyring: { v: 1, client: 'acme', slots: [] },
			contentKey,
			build: BUILD,
			assets: { script: '/_glasshouse/gate.js', style: '/_glasshouse/gate.css' },
		});
		expect(result.pages).toBe(1);

		const shell = await readFile(path.join(outDir, 'acme', 'index.html'), 'utf8');
		expect(shell).toContain('<link rel="preload" href="/_astro/index.Ab12.css" as="style">');
		expect(shell).not.toContain('own.css');
		expect(shell).not.toContain('zebrafinch');

		const envelope = readShell(shell).payload as Envelope;
		expect(envelope.v).toBe(3);
		expect(fromBase64(envelope.ct).length).toBeLessThan(PAGE.length / 5);
		expect(fromUtf8(await open(contentKey, envelope, pageAad('acme', BUILD, '')))).toBe(PAGE);
		expect(readShell(shell).config).toMatchObject({ build: BUILD });
	});
});
