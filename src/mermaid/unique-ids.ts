/**
 * Gives every id in a Mermaid SVG a prefix and rewrites everything that points at those ids.
 * Mermaid names elements after the render id and after the diagram's own node and task names,
 * so two diagrams on one page (or the light and dark copy of one) would otherwise share ids,
 * and a `url(#arrowhead)` in one would draw the other's marker.
 */
export function uniquifySvgIds(svg: string, prefix: string): string {
	const ids = new Set([...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!));
	if (ids.size === 0) return svg;
	// Mermaid's CSS also names elements it did not draw (`url(#<root>-gradient)` for an unused look);
	// those are renamed too, so they can never point into another diagram.
	const root = /<svg\b[^>]*\sid="([^"]+)"/.exec(svg)?.[1];
	const rename = (id: string) => (ids.has(id) || (root !== undefined && id.startsWith(`${root}-`)) ? `${prefix}-${id}` : id);
	const renameUrls = (text: string) =>
		text.replace(
			/url\((['"]|&quot;)?#([^)'"&]+)\1?\)/g,
			(_match, quote: string | undefined, id: string) => `url(${quote ?? ''}#${rename(id)}${quote ?? ''})`,
		);

	return renameUrls(
		svg
			.replace(
				/(<style[^>]*>)([\s\S]*?)(<\/style>)/g,
				(_match, open: string, css: string, close: string) => `${open}${renameInCss(css, rename)}${close}`,
			)
			.replace(/(\sid=")([^"]+)(")/g, (_match, before: string, id: string, after: string) => `${before}${rename(id)}${after}`)
			.replace(/(\s(?:xlink:)?href="#)([^"]+)(")/g, (_match, before: string, id: string, after: string) => `${before}${rename(id)}${after}`)
			.replace(
				/(\saria-(?:labelledby|describedby)=")([^"]+)(")/g,
				(_match, before: string, list: string, after: string) => `${before}${list.split(/\s+/).map(rename).join(' ')}${after}`,
			),
	);
}

/**
 * Renames `#id` in selectors only: in declarations `#abc` is a colour, and a diagram may well
 * have an element called `abc`. Mermaid's CSS is flat (stylis output), plus `@keyframes` blocks
 * whose step names never start with `#`.
 */
function renameInCss(css: string, rename: (id: string) => string): string {
	return css.replace(
		/([^{}]*)(\{[^{}]*\})/g,
		(_match, selector: string, block: string) =>
			`${selector.replace(/#(-?[A-Za-z_][\w-]*)/g, (_m, id: string) => `#${rename(id)}`)}${block}`,
	);
}
