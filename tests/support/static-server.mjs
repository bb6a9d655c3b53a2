#!/usr/bin/env node
// Serves a built site from a folder under a base path, like GitHub Pages does:
//   node tests/support/static-server.mjs <dir> <port> [base]
// Directory URLs need their trailing slash and serve index.html; unknown paths get 404.html.
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
 * Starts the server; resolves once it listens. Port 0 picks a free one (see `server.address()`).
 * With `gzip`, text is sent gzip-encoded to browsers that accept it, as real hosts do.
 */
export function serve(dir, port, base = '/', { gzip = false } = {}) {
	const root = path.resolve(dir);
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const server = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
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
	const [dir = 'dist', port = '4321', base = '/'] = process.argv.slice(2);
	await serve(dir, Number(port), base);
	process.stdout.write(`Serving ${dir} at http://127.0.0.1:${port}${base}\n`);
}
