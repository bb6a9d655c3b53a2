/** A file size for people: "820 kB", "12.4 MB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number, locale: string): string {
	const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < units.length - 1) {
		value /= 1000;
		unit++;
	}
	return new Intl.NumberFormat(locale, {
		style: 'unit',
		unit: units[unit],
		unitDisplay: unit === 0 ? 'long' : 'short',
		maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
	}).format(value);
}

/** What kind of file it is, as people name it: the extension in capitals ("PDF", "PNG"). */
export function fileTypeLabel(fileName: string): string {
	return /\.([^.]+)$/.exec(fileName)?.[1]?.toUpperCase() ?? '—';
}
