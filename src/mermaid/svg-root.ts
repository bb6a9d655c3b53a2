interface FittedSvg {
	svg: string;
	/** Natural size from the viewBox, in CSS pixels (0 when the SVG has none). */
	width: number;
	height: number;
}

/**
 * Replaces Mermaid's sizing of the root element (`width="100%"` and an inline max-width) with just
 * its aspect ratio, so the page's CSS alone decides how far a diagram may shrink before it
 * scrolls (from the natural width returned here). No fixed width on the element: while a
 * decrypted page's stylesheet is still loading, a wide diagram must not widen the page.
 */
export function fitSvgRoot(svg: string): FittedSvg {
	const open = /<svg\b[^>]*>/.exec(svg);
	if (!open) return { svg, width: 0, height: 0 };
	const viewBox = /\sviewBox="([^"]+)"/
		.exec(open[0])?.[1]
		?.trim()
		.split(/[\s,]+/)
		.map(Number);
	const [width, height] =
		viewBox && viewBox.length === 4 && viewBox.every(Number.isFinite) ? [Math.ceil(viewBox[2]!), Math.ceil(viewBox[3]!)] : [0, 0];
	let root = open[0].replace(/\s(?:width|height|style)="[^"]*"/g, '');
	if (width > 0 && height > 0) root = root.replace(/^<svg\b/, `<svg style="aspect-ratio: ${width} / ${height}"`);
	return { svg: svg.slice(0, open.index) + root + svg.slice(open.index + open[0].length), width, height };
}
