// Serves a built site from a folder under a base path, like GitHub Pages does, for
// `glasshouse preview` and the browser tests (through tests/support/static-server.mjs).
// Directory URLs need their trailing slash and serve index.html; unknown paths get 404.html.
// With `headers`, every response also carries the headers the site's own `_headers` file gives
// its path, as Netlify and Cloudflare Pages send them (Content-Security-Policy included).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { headersFor } from '@/post-build/security-headers';

const TYPES: Record<string, string> = {
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
 * The build's `_headers` file as a function of the URL path, parsed by the same code that writes
 * it. A site without `_headers` is an error, so nothing can pass by silently serving no policy.
 */
async function hostHeaders(root: string): Promise<(urlPath: string) => Record<string, string>> {
	const file = await readFile(path.join(root, '_headers'), 'utf8').catch(() => {
		throw new Error(`${root} has no _headers file to apply; build the site first`);
	});
	return (urlPath) => headersFor(file, urlPath);
}

interface ServeOptions {
	gzip?: boolean;
	headers?: boolean;
}

/**
 * Starts the server; resolves once it listens. Port 0 picks a free one (see `server.address()`).
 * With `gzip`, text is sent gzip-encoded to browsers that accept it, as real hosts do. With
 * `headers`, every response (redirects and 404s too) carries what `<dir>/_headers` gives its path.
 */
export async function serve(dir: string, port: number, base = '/', { gzip = false, headers = false }: ServeOptions = {}): Promise<Server> {
	const root = path.resolve(dir);
	const prefix = base.endsWith('/') ? base : `${base}/`;
	const extraHeaders = headers ? await hostHeaders(root) : (): Record<string, string> => ({});
	const server = createServer(async (request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		for (const [name, value] of Object.entries(extraHeaders(url.pathname))) response.setHeader(name, value);
		let pathname: string;
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
	async function send(request: IncomingMessage, response: ServerResponse, file: string, status: number) {
		const headers = { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
		if (gzip && COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
			const body = await readFile(file).catch(() => undefined);
			if (!body) return notFound(response);
			response.writeHead(status, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
			return response.end(gzipSync(body));
		}
		// Streamed, as hosts do: the headers go out at once and a large file (a 200 MB attachment) is
		// never read whole into memory first, which held back its first byte by half a second.
		const info = await stat(file).catch(() => undefined);
		if (!info?.isFile()) return notFound(response);
		response.writeHead(status, { ...headers, 'content-length': String(info.size) });
		if (request.method === 'HEAD') return response.end();
		const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
		stream.on('error', () => response.destroy());
		stream.pipe(response);
	}
	async function notFound(response: ServerResponse) {
		const page = await readFile(path.join(root, '404.html')).catch(() => Buffer.from('Not found'));
		response.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
		response.end(page);
	}
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}
