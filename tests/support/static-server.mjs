#!/usr/bin/env node
// Serves a built site from a folder under a base path, like GitHub Pages does:
//   node tests/support/static-server.mjs <dir> <port> [base] [--headers]
// Directory URLs need their trailing slash and serve index.html; unknown paths get 404.html.
// With --headers, every response also carries the headers the site's own `_headers` file gives
// its path, as Netlify and Cloudflare Pages send them (Content-Security-Policy included).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
	'.xml': 'application/xml',
	'.txt': 'text/plain; charset=utf-8',
};

/** Text that hosts like GitHub Pages send gzipped. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.xml', '.txt']);

/**
 * The build's `_headers` file as a function of the URL path, parsed by the same code the tests of
 * that file use. Loaded through tsx (the parser is TypeScript) and only when asked for; a site
 * without `_headers` is an error, so a test can never pass by silently serving no policy.
 */
async function hostHeaders(root) {
	const file = await readFile(path.join(root, '_headers'), 'utf8').catch(() => {
		throw new Error(`${root} has no _headers file to apply; build the site first`);
	});
	const { tsImport } = await import('tsx/esm/api');
	const { headersFor } = await tsImport('../../src/post-build/security-headers.ts', import.meta.url);
	return (urlPath) => headersFor(file, urlPath);
}

/**
 * Starts the server; resolves once it listens. Port 0 picks a free one (see `server.address()`).
 * With `gzip`, text is sent gzip-encoded to browsers that accept it, as real hosts do. With
 * `headers`, every response (redirects and 404s too) carries what `<dir>/_headers` gives its path.
 */
export async function serve(dir, port, base = '/', { gzip = false, headers = false } = {}) {
	const root = path.resolve(dir);
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const extraHeaders = headers ? await hostHeaders(root) : () => ({});
	const server = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		for (const [name, value] of Object.entries(extraHeaders(url.pathname))) response.setHeader(name, value);
		let pathname;
		try {
			pathname = decodeURIComponent(url.pathname);
		} catch {
			// A malformed `%` sequence: refuse it as real hosts do, instead of crashing the server.
			response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
			return response.end('Bad request');
		}
		if (!pathname.startsWith(prefix)) return notFound(response);
		pathname = pathname.slice(prefix.length);
		const target = path.join(root, pathname);
		if (!target.startsWith(root)) return notFound(response);
		const info = await stat(target).catch(() => undefined);
		if (info?.isDirectory()) {
			if (!url.pathname.endsWith('/')) {
				response.writeHead(301, { location: `${url.pathname}/${url.search}` });
				return response.end();
			}
			return send(request, response, path.join(target, 'index.html'), 200);
		}
		if (info?.isFile()) return send(request, response, target, 200);
		return notFound(response);
	});
	async function send(request, response, file, status) {
		try {
			const body = await readFile(file);
			const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
			if (gzip && COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
				response.writeHead(status, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
				return response.end(gzipSync(body));
			}
			response.writeHead(status, headers);
			response.end(body);
		} catch {
			notFound(response);
		}
	}
	async function notFound(response) {
		const page = await readFile(path.join(root, '404.html')).catch(() => Buffer.from('Not found'));
		response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
		response.end(page);
	}
	return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const args = process.argv.slice(2);
	const headers = args.includes('--headers');
	const [dir = 'dist', port = '4321', base = '/'] = args.filter((arg) => arg !== '--headers');
	try {
		await serve(dir, Number(port), base, { headers });
	} catch (error) {
		process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
		process.exit(1);
	}
	process.stdout.write(`Serving ${dir} at http://127.0.0.1:${port}${base}${headers ? ', with the headers of its _headers file' : ''}\n`);
}
