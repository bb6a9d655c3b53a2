import { writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * The Content-Security-Policy the unlock code and the decrypted pages satisfy: every script is
 * an external file from the site itself (decrypted pages re-create their script tags, never
 * inline code), pages use inline style attributes (accent colour, progress bars) and inline
 * images as data: URIs, and the search index is fetched from the same origin.
 *
 * Search runs Pagefind's WebAssembly (fetched from the site, compiled with
 * `WebAssembly.instantiate`), which browsers refuse under `script-src 'self'` alone.
 * `'wasm-unsafe-eval'` allows compiling WebAssembly and nothing else: `eval`, `new Function` and
 * string timers stay blocked (that would take `'unsafe-eval'`), as do inline and foreign scripts.
 */
const CONTENT_SECURITY_POLICY = [
	"default-src 'self'",
	"script-src 'self' 'wasm-unsafe-eval'",
	"style-src 'self' 'unsafe-inline'",
	"img-src 'self' data:",
	"connect-src 'self'",
	"object-src 'none'",
	"base-uri 'none'",
	"form-action 'self'",
	"frame-ancestors 'none'",
].join('; ');

/** Every response of the site: private pages must not be indexed, framed, sniffed or leak referrers. */
const SECURITY_HEADERS: Readonly<Record<string, string>> = {
	'Content-Security-Policy': CONTENT_SECURITY_POLICY,
	'X-Robots-Tag': 'noindex',
	'Referrer-Policy': 'no-referrer',
	'X-Frame-Options': 'DENY',
	'X-Content-Type-Options': 'nosniff',
};

/**
 * `_headers` as Netlify and Cloudflare Pages read it: a URL pattern, then indented headers. The
 * pattern is a URL path, so a site built for a base path (`/status/`) matches `/status/*`.
 * Hosts that cannot set headers (GitHub Pages) serve the file as an ordinary, harmless file.
 */
export function headersFile(base: string): string {
	const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
	const lines = Object.entries(SECURITY_HEADERS).map(([name, value]) => `  ${name}: ${value}`);
	// The comment names no host: the leak scan reads this file too, and client text may name hosts.
	return `# Security headers for hosts that read _headers; written by the build.\n${prefix}*\n${lines.join('\n')}\n`;
}

/** Writes `_headers` into the output folder. */
export async function writeHeadersFile(outDir: string, base: string): Promise<void> {
	await writeFile(path.join(outDir, '_headers'), headersFile(base));
}

/** The headers a `_headers` file gives a URL path (for tests and local servers that mimic the host). */
export function headersFor(file: string, urlPath: string): Record<string, string> {
	const headers: Record<string, string> = {};
	let matches = false;
	for (const line of file.split('\n')) {
		if (!line.trim() || line.trimStart().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			const pattern = line.trim();
			matches = pattern.endsWith('*') ? urlPath.startsWith(pattern.slice(0, -1)) : urlPath === pattern;
			continue;
		}
		if (!matches) continue;
		const colon = line.indexOf(':');
		headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
	}
	return headers;
}
