import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { ClientSchema } from '@/kinds/client/schema';
import { UpdateSchema } from '@/kinds/update/schema';
import { DecisionSchema } from '@/kinds/decision/schema';
import { MilestoneSchema } from '@/kinds/milestone/schema';
import { FaqSchema } from '@/kinds/faq/schema';
import { RiskSchema } from '@/kinds/risk/schema';
import { ChangeSchema } from '@/kinds/change/schema';
import { MeetingSchema } from '@/kinds/meeting/schema';
import { CloseoutSchema } from '@/kinds/closeout/schema';
import { pageContext } from 'virtual:glasshouse/page-context';

// Every entry id starts with the client folder ("acme/updates/2026-01-09"), which is how pages
// find a client's entries; cross-file rules run in `npm run check` before every build.
const from = (pattern: string) => glob({ base: pageContext.contentDir, pattern });

export const collections = {
	clients: defineCollection({ loader: from('*/client.yaml'), schema: ClientSchema }),
	updates: defineCollection({ loader: from('*/updates/*.{md,mdx}'), schema: UpdateSchema }),
	decisions: defineCollection({ loader: from('*/decisions/*.{md,mdx}'), schema: DecisionSchema }),
	milestones: defineCollection({ loader: from('*/milestones/*.{yaml,yml}'), schema: MilestoneSchema }),
	faq: defineCollection({ loader: from('*/faq/*.{md,mdx}'), schema: FaqSchema }),
	risks: defineCollection({ loader: from('*/risks/*.{yaml,yml}'), schema: RiskSchema }),
	changes: defineCollection({ loader: from('*/changes/*.{md,mdx}'), schema: ChangeSchema }),
	meetings: defineCollection({ loader: from('*/meetings/*.{md,mdx}'), schema: MeetingSchema }),
	closeouts: defineCollection({ loader: from('*/closeout.{md,mdx}'), schema: CloseoutSchema }),
};
