import type { Code, Root } from 'mdast';
import { bundledLanguages } from 'shiki';

/** Languages Shiki shows as plain text without a grammar, as its own `isSpecialLang` lists them. */
const PLAIN = new Set(['plaintext', 'plain', 'text', 'txt', 'ansi']);

/**
 * A remark plugin that turns code fences in a language the highlighter does not know (```env,
 * ```tf, ```hcl2…) into plain-text fences. Shiki would fall back to plain text anyway, but with a
 * warning in the build log that the author cannot act on; the fence renders the same either way.
 * Languages in `keep` (fences another plugin draws, such as Mermaid) are left as they are.
 */
export function remarkPlainUnknownCode(keep: readonly string[] = []) {
	const known = (lang: string) => PLAIN.has(lang) || lang in bundledLanguages || keep.includes(lang);
	return () => (tree: Root) => {
		const visit = (node: Root | Root['children'][number]) => {
			if (node.type === 'code') {
				const code = node as Code;
				if (code.lang && !known(code.lang)) code.lang = 'plaintext';
				return;
			}
			if ('children' in node) for (const child of node.children) visit(child);
		};
		visit(tree);
	};
}
