import type { Html, Root } from 'mdast';

const COMMENT = /<!--[\s\S]*?-->/g;

/**
 * A remark plugin that drops HTML comments (`<!-- … -->`) from Markdown. MDX drops its own
 * `{/* … *\/}` comments, but Markdown keeps HTML comments in the page's source, where a reader who
 * views it would find the author's notes to themselves (a scaffold's hints, "ask Tom first").
 */
export function remarkDropComments() {
	return (tree: Root) => {
		const visit = (node: Root | Root['children'][number]) => {
			if (!('children' in node)) return;
			node.children = node.children.filter((child) => {
				if (child.type !== 'html') return true;
				const html = child as Html;
				html.value = html.value.replace(COMMENT, '');
				return html.value.trim() !== '';
			}) as typeof node.children;
			for (const child of node.children) visit(child);
		};
		visit(tree);
	};
}
