import { readFileSync } from 'node:fs';
import path from 'node:path';
import { estimateSecretBits, MIN_SECRET_BITS } from './secret-strength';

const MIN_SECRET_BYTES = 32;

/** A problem with GLASSHOUSE_SECRET, worded as what to do about it. */
export class SecretError extends Error {}

const GENERATE_HINT =
	"Generate one with `npm run glasshouse -- secret` and put it in a git-ignored .env file (GLASSHOUSE_SECRET=…) or in your CI's secrets.";

/**
 * Decodes the secret found in the environment or `.env` (read once, by the build context):
 * hex or base64 of at least 32 random bytes. Throws a `SecretError` that says what to do.
 */
export function requireSecret(value: string | undefined): Uint8Array {
	if (!value)
		throw new SecretError(`GLASSHOUSE_SECRET is not set (or is empty), so private client sites cannot be encrypted. ${GENERATE_HINT}`);
	return decodeSecret(value);
}

/**
 * Decodes a secret and refuses one that is not random. Length alone proves nothing: 64 zeros are
 * valid hex for 32 bytes, and a site built with them has passwords and links anyone can compute.
 * So the decoded bytes and the typed text are judged by `estimateSecretBits`, which looks for
 * what people type instead of random bytes (one value repeated, counting, short patterns, words).
 */
export function decodeSecret(value: string): Uint8Array {
	const text = value.trim();
	let bytes: Uint8Array | undefined;
	let encoding: 'hex' | 'base64' | undefined;
	if (/^[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0) [bytes, encoding] = [Buffer.from(text, 'hex'), 'hex'];
	else if (/^[A-Za-z0-9+/_-]+={0,2}$/.test(text) && isCanonicalBase64(text)) [bytes, encoding] = [Buffer.from(text, 'base64'), 'base64'];
	if (!bytes || !encoding) throw new SecretError(`GLASSHOUSE_SECRET must be hex or base64 of random bytes. ${GENERATE_HINT}`);
	if (bytes.length < MIN_SECRET_BYTES) {
		throw new SecretError(
			`GLASSHOUSE_SECRET holds ${bytes.length} bytes; at least ${MIN_SECRET_BYTES} random bytes are required. ${GENERATE_HINT}`,
		);
	}
	const estimate = estimateSecretBits(text, encoding, bytes);
	if (estimate.bits < MIN_SECRET_BITS) {
		throw new SecretError(
			`GLASSHOUSE_SECRET is not random: ${estimate.weakness}. Anyone who guesses it can compute every client's passwords and links (it is worth about ${Math.floor(estimate.bits)} bits; at least ${MIN_SECRET_BITS} are required). Make a new one with \`npm run glasshouse -- secret\` and put it in your git-ignored .env file (GLASSHOUSE_SECRET=…) and your CI's secrets. A new secret changes every password and link: send them again with \`npm run glasshouse -- share <client>\`.`,
		);
	}
	return new Uint8Array(bytes);
}

/** True when decoding and re-encoding gives the same text (ignoring padding and the URL-safe alphabet). */
function isCanonicalBase64(text: string): boolean {
	const standard = text.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, '');
	return Buffer.from(standard, 'base64').toString('base64').replace(/=+$/, '') === standard;
}

/** A fresh secret, printed by `glasshouse secret`. */
export function generateSecret(): string {
	return Buffer.from(crypto.getRandomValues(new Uint8Array(MIN_SECRET_BYTES))).toString('base64');
}

/** Minimal `.env` reader: `KEY=value` lines, optional quotes, `#` comments. */
export function readDotEnv(root: string): Record<string, string> {
	let text = '';
	try {
		text = readFileSync(path.join(root, '.env'), 'utf8');
	} catch {
		// No .env: the environment is all there is.
	}
	const values: Record<string, string> = {};
	for (const line of text.split(/\r?\n/)) {
		const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
		if (!match || line.trimStart().startsWith('#')) continue;
		values[match[1]!] = match[2]!.replace(/^(['"])(.*)\1$/, '$2');
	}
	return values;
}
