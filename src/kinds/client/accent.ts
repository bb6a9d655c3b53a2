/** `#0e7490` → `14 116 144`, the form Tailwind's `rgb(var(--accent-rgb) / α)` colour needs. */
export function hexToRgbChannels(hex: string): string {
	return channels(hex).join(' ');
}

/** The accent when client.yaml sets none: a teal that reads on white. */
export const DEFAULT_ACCENT = '#0f766e';

/**
 * What the accent must reach as text, links and focus rings on the light page (white cards on
 * slate-50): WCAG 1.4.3's 4.5:1 for normal text, which also covers 1.4.11's 3:1 for focus rings.
 */
export const MIN_ACCENT_CONTRAST = 4.5;
/** The lightest background the accent is read on: white cards. */
const LIGHT_BACKGROUND = '#ffffff';
/** The page background (Tailwind's slate-50), a little darker than the cards. */
const PAGE_BACKGROUND = '#f8fafc';

export interface AccentShades {
	/** The brand colour as given: bars, borders, tints; never the only carrier of text. */
	decoration: string;
	/** A shade of it readable as text, links and focus rings: the colour itself when it already is. */
	ink: string;
	/** The colour's contrast against white, e.g. 2.9 (ratio to 1). */
	contrast: number;
}

/**
 * The one derivation of a client's accent colours: the brand colour for decoration, and for text
 * the same hue darkened in small steps until it reaches MIN_ACCENT_CONTRAST on both light
 * backgrounds. Dark mode does not use the accent for text (links are light sky there).
 */
export function accentShades(accent: string = DEFAULT_ACCENT): AccentShades {
	// Every page of a client asks for the same accent: its shades are found once per colour.
	let shades = shadesOf.get(accent);
	if (!shades) shadesOf.set(accent, (shades = Object.freeze(findShades(accent))));
	return shades;
}

const shadesOf = new Map<string, AccentShades>();

function findShades(accent: string): AccentShades {
	const decoration = accent.toLowerCase();
	const readable = (hex: string) =>
		Math.min(contrastRatio(hex, LIGHT_BACKGROUND), contrastRatio(hex, PAGE_BACKGROUND)) >= MIN_ACCENT_CONTRAST;
	let ink = decoration;
	for (let step = 1; !readable(ink) && step <= 20; step++) ink = darken(decoration, step * 0.05);
	return { decoration, ink, contrast: round(contrastRatio(decoration, LIGHT_BACKGROUND)) };
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
	const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (light + 0.05) / (dark + 0.05);
}

function channels(hex: string): [number, number, number] {
	const value = Number.parseInt(hex.slice(1), 16);
	return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** WCAG 2 relative luminance. */
function luminance(hex: string): number {
	const [r, g, b] = channels(hex).map((channel) => {
		const c = channel / 255;
		return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	}) as [number, number, number];
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Mixes `hex` with black: `amount` 0 keeps it, 1 is black. */
function darken(hex: string, amount: number): string {
	return `#${channels(hex)
		.map((channel) =>
			Math.round(channel * (1 - amount))
				.toString(16)
				.padStart(2, '0'),
		)
		.join('')}`;
}

const round = (ratio: number) => Math.floor(ratio * 100) / 100;
