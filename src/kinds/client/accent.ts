/** `#0e7490` → `14 116 144`, the form Tailwind's `rgb(var(--accent-rgb) / α)` colour needs. */
export function hexToRgbChannels(hex: string): string {
	const value = Number.parseInt(hex.slice(1), 16);
	return [(value >> 16) & 255, (value >> 8) & 255, value & 255].join(' ');
}
