import type { FetchIndexFile } from './sealed-index';

/**
 * How the gate hands search the reader of the client's sealed index (`FetchIndexFile`). The gate
 * is its own bundle and the page's search script is Astro's, so they share no module: the gate
 * answers a request event on the document. It starts answering before it renders the page, and
 * the page's scripts run only once the page is rendered, so search finds the reader the first
 * time it asks. A public page has no gate: nobody answers, and its index is read as published.
 */
const REQUEST = 'glasshouse:index-files';

/** The request's detail, filled in by the gate. */
interface IndexFilesRequest {
	reader?: FetchIndexFile;
}

/** The gate's side: hand `reader` to every script of this document that asks. Call before rendering the page. */
export function offerIndexFiles(doc: EventTarget, reader: FetchIndexFile): void {
	doc.addEventListener(REQUEST, (event) => {
		(event as CustomEvent<IndexFilesRequest>).detail.reader = reader;
	});
}

/** Search's side: the reader the gate offered, or `undefined` on a public page. */
export function requestIndexFiles(doc: EventTarget): FetchIndexFile | undefined {
	const request: IndexFilesRequest = {};
	doc.dispatchEvent(new CustomEvent(REQUEST, { detail: request }));
	return request.reader;
}
