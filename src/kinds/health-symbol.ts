import type { Health } from '@/kinds/common';

/** The shape shown next to a health's label on the site and in the email, so colour is never the only signal. */
export const HEALTH_SYMBOL: Record<Health, string> = { 'on-track': '●', 'at-risk': '▲', 'off-track': '■' };
