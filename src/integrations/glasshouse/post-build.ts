import { rm } from 'node:fs/promises';
import type { AstroIntegrationLogger } from 'astro';
import { findBrokenLinks } from './find-broken-links';

export interface PostBuildContext {
	outDir: string;
	base: string;
	logger: Pick<AstroIntegrationLogger, 'info' | 'warn' | 'error'>;
}

/** A step over the finished output; steps run in order and any failure fails the build. */
export interface PostBuildStep {
	name: string;
	run(context: PostBuildContext): Promise<void>;
}

const checkLinks: PostBuildStep = {
	name: 'internal links',
	async run({ outDir, base, logger }) {
		const broken = await findBrokenLinks(outDir, base);
		if (broken.length) {
			const list = broken.slice(0, 20).map((link) => `  ${link.file}: ${link.href}`).join('\n');
			throw new Error(`${broken.length} broken internal link(s) in the built site:\n${list}`);
		}
		logger.info('internal links: all resolve');
	},
};

export const POST_BUILD_STEPS: PostBuildStep[] = [checkLinks];

/**
 * Runs every step; on failure deletes the output so nothing half-processed can be deployed,
 * then rethrows so the build exits non-zero.
 */
export async function runPostBuild(context: PostBuildContext, steps: PostBuildStep[] = POST_BUILD_STEPS): Promise<void> {
	try {
		for (const step of steps) await step.run(context);
	} catch (error) {
		await rm(context.outDir, { recursive: true, force: true });
		context.logger.error(`Post-build step failed; the output folder was removed so nothing partial is deployed.`);
		throw error;
	}
}
