import type { Plugin } from 'vite';
import type { AttachmentPlan } from '@/kinds/document/attachment-plan';

/**
 * What pages take from the build context, handed to them by the glasshouse integration as the
 * virtual module `virtual:glasshouse/page-context`. Only data crosses into page code, and nothing
 * secret: the risk pages' addresses are derived in the integration and given as segments.
 */
export interface PageContext {
	/** The day pages are built for (the build context's `today`): "review overdue" is judged by it. */
	today: string;
	/** Absolute folder holding `site.yaml` and one folder per client. */
	contentDir: string;
	/**
	 * The client folders this build renders (a client-subset build, see `contentOfClients`): the
	 * collections glob only these folders, so Astro neither loads nor renders any other client.
	 * Absent: every client. Empty: no client, only the site-wide pages (no collection then has files).
	 */
	clients?: string[];
	/**
	 * Client → risk id → URL segment, for every private client (see `privateRiskSegments`).
	 * Absent without a secret: risk pages then keep their ids, and the build refuses to publish.
	 */
	riskSegments?: Record<string, Record<string, string>>;
	/** Client → document id → URL segment, for every private client (see `privateDocumentSegments`); as `riskSegments`. */
	documentSegments?: Record<string, Record<string, string>>;
	/**
	 * The collections that hold at least one file, as the build loaded the content. Pages ask only
	 * these: Astro warns "The collection … does not exist or is empty" for every other one, noise
	 * about a kind the agency simply does not use. Absent when nothing was loaded (the dev server
	 * without a secret): pages then ask every collection.
	 */
	collectionsWithFiles?: string[];
	/**
	 * Where each document attachment is published and what it is (see `planAttachments`): decided
	 * once per build, before pages render, so each page links the file the encryption step seals.
	 * Absent outside a build (the dev server): pages then list attachments without a download.
	 */
	attachments?: AttachmentPlan;
}

const PAGE_CONTEXT_MODULE = 'virtual:glasshouse/page-context';
const RESOLVED = `\0${PAGE_CONTEXT_MODULE}`;

/** The Vite plugin serving the page context; `load` is asked when a page or the content config first imports it. */
export function pageContextPlugin(load: () => Promise<PageContext>): Plugin {
	return {
		name: 'glasshouse-page-context',
		resolveId: (id) => (id === PAGE_CONTEXT_MODULE ? RESOLVED : undefined),
		async load(id) {
			if (id !== RESOLVED) return undefined;
			return `export const pageContext = ${JSON.stringify(await load())};\n`;
		},
	};
}
