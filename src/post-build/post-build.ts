import { rm } from 'node:fs/promises';
import type { AstroIntegrationLogger } from 'astro';
import { validClients, type LoadedContent } from '@/loader/load-content';
import { encryptSite } from '@/encrypt/encrypt-site';
import { buildClientIndexes } from '@/search-index/build-client-index';
import { documentTextRecords } from '@/search-index/document-text';
import type { BuildContext } from '@/build-context/build-context';
import type { SlotKeys } from '@/keys/slot-keys';
import type { BuildTimings } from './build-timings';
import { findBrokenLinks } from './find-broken-links';
import { checkOutputFolders } from './output-folders';
import { writeHeadersFile } from './security-headers';
import { copyPublicAttachments } from './public-attachments';
import { scanOutputForLeaks } from './scan-output';
import type { AttachmentPlan } from '@/kinds/document/attachment-plan';

interface PostBuildContext {
	outDir: string;
	base: string;
	/**
	 * The content privacy was decided from before rendering; never reloaded after it. In a
	 * client-subset build, only the clients rendered (see `contentOfClients`).
	 */
	content: LoadedContent;
	/**
	 * The whole checked content, whose private clients' texts the leak scan looks for, whether this
	 * build rendered them or not. Absent: `content`.
	 */
	scanned?: LoadedContent;
	/** Whether the leak scan runs here; false when the caller scans the whole output afterwards (see `deferLeakScan`). */
	leakScan?: boolean;
	/** The build's context: the secret (decoded once per build) and the variables `passwordEnv` names. */
	context: Pick<BuildContext, 'secret' | 'variables'>;
	/** Slot keys the CLI derived while Astro rendered. */
	slotKeys?: SlotKeys;
	/** Where each document attachment is published (decided before rendering). */
	attachments: AttachmentPlan;
	/** Private clients' document page segments (see `privateDocumentSegments`). */
	documentSegments: Record<string, Record<string, string>>;
	timings: BuildTimings;
	logger: Pick<AstroIntegrationLogger, 'info' | 'warn' | 'error'>;
	/** Told when each step starts (its index among `total`), for the CLI's progress line. */
	onStep?: (name: string, index: number, total: number) => void;
}

/** A step over the finished output; steps run in order and any failure fails the build. */
interface PostBuildStep {
	name: string;
	run(context: PostBuildContext): Promise<void>;
}

const outputFolders: PostBuildStep = {
	name: 'output folders',
	async run({ outDir, content, logger }) {
		await checkOutputFolders(outDir, validClients(content));
		logger.info('output folders: each one is site-wide or belongs to a checked client');
	},
};

const publicAttachments: PostBuildStep = {
	name: 'public attachments',
	async run({ outDir, attachments, logger }) {
		const copied = await copyPublicAttachments(outDir, attachments);
		if (copied) logger.info(`attachments: ${copied} file(s) of public clients copied next to their document pages`);
	},
};

const checkLinks: PostBuildStep = {
	name: 'internal links',
	async run({ outDir, base, logger }) {
		const broken = await findBrokenLinks(outDir, base);
		if (broken.length) {
			const list = broken
				.slice(0, 20)
				.map((link) => `  ${link.file}: ${link.href}`)
				.join('\n');
			throw new Error(`${broken.length} broken internal link(s) in the built site:\n${list}`);
		}
		logger.info('internal links: all resolve');
	},
};

const searchIndex: PostBuildStep = {
	name: 'search index',
	async run({ outDir, content, attachments, documentSegments, logger }) {
		const started = performance.now();
		const records = await documentTextRecords(content, attachments, documentSegments, (client, file) =>
			logger.warn(`search index: no text found in ${client}'s ${file} (a scan, or a PDF that could not be read); it is not searchable`),
		);
		const reports = await buildClientIndexes(outDir, validClients(content), records);
		const pages = reports.reduce((sum, report) => sum + report.pages, 0);
		logger.info(
			`search index: ${pages} page(s) indexed for ${reports.length} client(s), one index each (${Math.round(performance.now() - started)} ms)`,
		);
	},
};

const encrypt: PostBuildStep = {
	name: 'encryption',
	async run({ outDir, base, content, context, slotKeys, attachments, logger }) {
		const report = await encryptSite({
			attachments,
			outDir,
			base,
			agency: content.site?.agency.name ?? '',
			clients: content.clients,
			context,
			slotKeys,
		});
		logger.info(
			`encryption: ${report.pages} page(s) and ${report.files} other file(s) of ${report.clients} private client(s) encrypted in ${report.milliseconds} ms`,
		);
	},
};

const securityHeaders: PostBuildStep = {
	name: 'security headers',
	async run({ outDir, base, logger }) {
		await writeHeadersFile(outDir, base);
		logger.info('security headers: _headers written (Content-Security-Policy, noindex, no-referrer, no framing)');
	},
};

const leakScan: PostBuildStep = {
	name: 'leak scan',
	async run({ outDir, content, scanned, attachments, logger }) {
		await scanOutputForLeaks(outDir, scanned ?? content, attachments, logger);
	},
};

/**
 * A folder no client owns stops the build first. Link check and search indexing read the
 * plaintext pages, so they run before encryption; the leak scan runs last, over everything that
 * would be published, including `_headers`.
 */
const POST_BUILD_STEPS: PostBuildStep[] = [outputFolders, publicAttachments, checkLinks, searchIndex, encrypt, securityHeaders, leakScan];

/**
 * Runs every step; on failure deletes the output so nothing half-processed can be deployed,
 * then rethrows so the build exits non-zero.
 */
export async function runPostBuild(
	context: PostBuildContext,
	steps: PostBuildStep[] = context.leakScan === false ? POST_BUILD_STEPS.filter((step) => step !== leakScan) : POST_BUILD_STEPS,
): Promise<void> {
	try {
		for (const [index, step] of steps.entries()) {
			context.onStep?.(step.name, index, steps.length);
			await context.timings.timed(step.name, () => step.run(context));
		}
	} catch (error) {
		await rm(context.outDir, { recursive: true, force: true });
		context.logger.error('A post-build step failed; the output of this build was removed so nothing partial is deployed.');
		throw error;
	}
}
