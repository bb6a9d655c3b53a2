import { fromPortableContext, type PortableContext } from '@/build-context/build-context';
import { fromPortableContent, type PortableContent } from '@/loader/portable-content';
import { contentOfClients } from '@/loader/client-subset';
import { deriveSlotKeysAhead } from '@/keys/build-keyring';
import { slotKeyCache } from '@/keys/slot-keys';
import { buildTimings } from '@/post-build/build-timings';
import { diagramSession } from '@/mermaid/diagram-session';
import type { ParentThread } from '@/lib/worker-task';
import { renderClients } from '@/cli/render-clients';

/** What one run beside others is handed (all plain data; see `renderInLanes`). */
export interface LaneInput {
	context: PortableContext;
	/** The whole checked content, as for `renderClients`. */
	checked: PortableContent;
	/** The clients this run renders, indexes and encrypts. */
	clients: string[];
	outDir: string;
	/** Its own content-layer store (see `RenderClientsInput.lane`). */
	storeDir: string;
	logLevel: 'debug' | 'info' | 'warn';
}

/** What a run says back: its pages and the time of each of its phases, or why it failed. */
export type LaneAnswer =
	| { pages: number; phases: Record<string, number> }
	| { failed: { name: string; message: string; stack?: string; hint?: string; loc?: { file?: string; line?: number } } };

/**
 * One client-subset build (`renderClients`) on a worker thread, beside others of the same build.
 * Its diagrams come from the thread that started it, which holds the build's one browser and the
 * drawings it made ahead (`DiagramSession.remote`); its lines are said there too (`info`, `warn`,
 * `error`), and `synced` once its content is synced. It derives its own clients' slot keys while
 * Astro renders. A failure is answered as data with what the build's message needs (Astro's hint
 * and location), since an error crossing threads keeps only its message.
 */
export async function renderLane(input: LaneInput, parent: ParentThread): Promise<LaneAnswer> {
	const context = fromPortableContext(input.context);
	const checked = fromPortableContent(input.checked);
	diagramSession().remote = (source, theme) => parent.call<string>('diagram', { source, theme });
	const slotKeys = slotKeyCache();
	const own = contentOfClients(checked, input.clients);
	if (own.clients.some((client) => !client.client?.value.public))
		void deriveSlotKeysAhead(own.clients, context.secret(), context.variables, slotKeys);
	const timings = buildTimings();
	try {
		const pages = await renderClients({
			context,
			checked,
			clients: input.clients,
			outDir: input.outDir,
			slotKeys,
			timings,
			output: {
				info: (line) => parent.tell('info', line),
				warn: (line) => parent.tell('warn', line),
				error: (line) => parent.tell('error', line),
			},
			logLevel: input.logLevel,
			deferLeakScan: true,
			lane: { storeDir: input.storeDir, onSynced: () => parent.tell('synced', null) },
		});
		// Fitting the drawings it was handed into its pages is this thread's diagram time (drawing them is its parent's).
		if (diagramSession().milliseconds > 0) timings.record('diagrams', diagramSession().milliseconds);
		return { pages, phases: timings.phases() };
	} catch (error) {
		const details = error as Error & { hint?: string; loc?: { file?: string; line?: number } };
		return {
			failed: {
				name: details.name ?? 'Error',
				message: details.message ?? String(error),
				...(details.stack ? { stack: details.stack } : {}),
				...(typeof details.hint === 'string' ? { hint: details.hint } : {}),
				...(details.loc ? { loc: { file: details.loc.file, line: details.loc.line } } : {}),
			},
		};
	}
}
