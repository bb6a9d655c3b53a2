import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import type { Element, Root, RootContent } from 'hast';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDiagramBrowser, configureDiagrams, diagramSession, diagramStats, resetDiagramStats } from '@/mermaid/diagram-session';
import { DiagramError, rehypeMermaid } from '@/mermaid/rehype-mermaid';

const dir = mkdtempSync(path.join(tmpdir(), 'glasshouse-rehype-'));
const FLOW = 'flowchart LR\n  A["Build: nightly"] --> B{"Tests pass?"}\n  B -->|Yes| C["Deploy #1"]';

/** Writes a content file, compiles it like Astro's MDX pipeline does and returns the final tree. */
async function render(relative: string, text: string, value = text): Promise<Root> {
	const file = path.join(dir, relative);
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, text);
	let tree: Root | undefined;
	await compile(
		{ value, path: file },
		{ format: file.endsWith('.mdx') ? 'mdx' : 'md', rehypePlugins: [rehypeMermaid, () => (result: Root) => void (tree = result)] },
	);
	return tree!;
}

function elements(node: Root | RootContent, tagName: string): Element[] {
	const found = node.type === 'element' && node.tagName === tagName ? [node] : [];
	return 'children' in node ? [...found, ...node.children.flatMap((child) => elements(child, tagName))] : found;
}

/** Every id in the tree, in document order. */
function idsOf(node: Root | RootContent): string[] {
	const own = node.type === 'element' && typeof node.properties.id === 'string' ? [node.properties.id] : [];
	return 'children' in node ? [...own, ...node.children.flatMap(idsOf)] : own;
}

beforeAll(() => {
	configureDiagrams({ cacheDir: path.join(dir, 'cache') });
	resetDiagramStats();
});
afterAll(closeDiagramBrowser);

describe('rehypeMermaid', () => {
	it('replaces each mermaid fence with a figure holding a light and a dark SVG, and leaves other code alone', async () => {
		const tree = await render(
			'alpha/updates/2026-01-09.mdx',
			`## Plan\n\n\`\`\`mermaid title="Release flow"\n${FLOW}\n\`\`\`\n\n\`\`\`js\nconst x = 1;\n\`\`\`\n`,
		);
		const [figure] = elements(tree, 'figure');
		expect(figure?.properties.className).toEqual(['diagram']);
		expect(elements(figure!, 'figcaption').map((caption) => caption.children)).toEqual([[{ type: 'text', value: 'Release flow' }]]);
		const [light, dark] = elements(figure!, 'div').filter((div) => /diagram-(light|dark)/.test(String(div.properties.className)));
		expect(elements(light!, 'svg')).toHaveLength(1);
		expect(elements(dark!, 'svg')).toHaveLength(1);
		expect(elements(tree, 'code').map((code) => code.properties.className)).toEqual([['language-js']]);
	});

	it('gives every diagram on a page its own ids, even the same diagram twice, and names untitled ones after their heading', async () => {
		const tree = await render(
			'alpha/updates/2026-01-16.mdx',
			`## Plan\n\n\`\`\`mermaid\n${FLOW}\n\`\`\`\n\n## Again\n\n\`\`\`mermaid\n${FLOW}\n\`\`\`\n`,
		);
		const figures = elements(tree, 'figure');
		expect(figures.map((figure) => figure.properties.ariaLabel)).toEqual(['Plan', 'Again']);
		const ids = idsOf(tree);
		expect(ids.length).toBeGreaterThan(20);
		expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
	});

	it("names an untitled diagram without a heading in the client's language", async () => {
		writeFileSync(path.join(clientDir('beta'), 'client.yaml'), 'locale: zh-CN\n');
		const tree = await render('beta/faq/diagram.md', `\`\`\`mermaid\n${FLOW}\n\`\`\`\n`);
		expect(elements(tree, 'figure')[0]?.properties.ariaLabel).toBe('图表');
	});

	it("fails on an invalid diagram with the file, the line of the fence and Mermaid's message", async () => {
		// Astro hands content-collection Markdown over without its frontmatter; the line is still the file's.
		const body = 'Steps:\n\n```mermaid\nflowchart LR\n  A -->> B\n```\n';
		const failure = render('alpha/faq/broken.md', `---\nquestion: How?\n---\n\n${body}`, body).then(
			() => undefined,
			(error: unknown) => error,
		);
		const error = await failure;
		expect(error).toBeInstanceOf(DiagramError);
		const relative = path.relative(process.cwd(), path.join(dir, 'alpha/faq/broken.md'));
		expect((error as DiagramError).message).toMatch(
			new RegExp(`^${escape(relative)}:7  body: expected a valid Mermaid diagram, found Parse error on line 2: Expecting .*got 'TAGEND'$`),
		);
		expect((error as DiagramError).line).toBe(7);
		expect(diagramSession().errors).toContain((error as DiagramError).message);
	});

	it('draws each distinct diagram once and counts what came from the cache', async () => {
		resetDiagramStats();
		await render('alpha/updates/2026-01-23.mdx', `\`\`\`mermaid\n${FLOW}\n\`\`\`\n\n\`\`\`mermaid\nflowchart TD\n  New --> One\n\`\`\`\n`);
		expect(diagramStats()).toEqual({ rendered: 1, fromCache: 1, drawnAhead: 0 });
	});

	it('gives the same ids to the same file wherever the content folder is (a shard built in another checkout)', async () => {
		const text = `## Plan\n\n\`\`\`mermaid\n${FLOW}\n\`\`\`\n`;
		const here = idsOf(await render('checkout-a/content/alpha/updates/2026-02-06.mdx', text));
		const there = idsOf(await render('elsewhere/b/content/alpha/updates/2026-02-06.mdx', text));
		const otherClient = idsOf(await render('checkout-a/content/beta/updates/2026-02-06.mdx', text));
		expect(here.length).toBeGreaterThan(0);
		expect(there).toEqual(here);
		expect(otherClient).not.toEqual(here);
	});
});

function clientDir(name: string): string {
	mkdirSync(path.join(dir, name), { recursive: true });
	return path.join(dir, name);
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
