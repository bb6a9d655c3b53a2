import { accentShades, contrastRatio, MIN_ACCENT_CONTRAST } from '@/kinds/client/accent';
import type { LoadedClient } from '@/loader/load-content';
import type { Problem } from './problem';

/**
 * Warns about a client `accent` too light to read as text on white: it colours links and focus
 * rings. A warning, not an error: the build then uses a darker shade of it for text and keeps the
 * brand colour for decoration (src/kinds/client/accent.ts), so the site stays readable.
 */
export function checkAccent(client: LoadedClient): Problem[] {
	const parsed = client.client;
	const accent = parsed?.value.accent;
	if (!parsed || !accent) return [];
	const { ink, contrast } = accentShades(accent);
	if (ink === accent.toLowerCase()) return [];
	const inkContrast = Math.floor(contrastRatio(ink, '#ffffff') * 10) / 10;
	return [
		{
			severity: 'warning',
			file: parsed.source.file,
			line: parsed.source.lineOf(['accent']),
			field: 'accent',
			message: `expected a colour with at least ${MIN_ACCENT_CONTRAST}:1 contrast on white (it colours links and focus rings), found ${accent} at ${contrast}:1; the site keeps it for bars and borders and uses the darker ${ink} (${inkContrast}:1) for text; set accent: "${ink}" or another darker shade to use one colour everywhere`,
		},
	];
}
