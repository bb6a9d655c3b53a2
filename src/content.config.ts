import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ClientSchema } from './schemas/client';
import { UpdateSchema } from './schemas/update';
import { DecisionSchema } from './schemas/decision';
import { MilestoneSchema } from './schemas/milestone';
import { FaqSchema } from './schemas/faq';
import { CONTENT_DIR } from './model/content-dir';

// Every entry id starts with the client folder ("acme/updates/2026-01-09"), which is how pages
// find a client's entries; cross-file rules run in `npm run check` before every build.
const collection = <S>(pattern: string, schema: S) =>
	defineCollection({ loader: glob({ base: CONTENT_DIR, pattern }), schema });

export const collections = {
	clients: collection('*/client.yaml', ClientSchema),
	updates: collection('*/updates/*.{md,mdx}', UpdateSchema),
	decisions: collection('*/decisions/*.{md,mdx}', DecisionSchema),
	milestones: collection('*/milestones/*.yaml', MilestoneSchema),
	faq: collection('*/faq/*.{md,mdx}', FaqSchema),
};
