// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwind from '@astrojs/tailwind';
import diagrams from './src/integrations/diagrams/index.ts';
import glasshouse from './src/integrations/glasshouse/index.ts';

// Site URL and base path come from the environment so one repository deploys to
// GitHub Pages project sites (`/<repo>/`), custom domains and localhost alike.
const base = process.env.GLASSHOUSE_BASE || '/';

export default defineConfig({
	site: process.env.GLASSHOUSE_SITE || 'http://localhost:4321',
	base,
	trailingSlash: 'always',
	// Scripts and styles stay external files so a strict Content-Security-Policy (script-src 'self')
	// holds for the unlock code and for decrypted pages alike.
	build: { format: 'directory', inlineStylesheets: 'never' },
	vite: { build: { assetsInlineLimit: 0 } },
	// Client content is fetched from content/ by the content layer; nothing of it belongs in public/.
	// Mermaid fences are drawn at build time by the diagrams integration, not highlighted as code.
	markdown: { syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] } },
	// diagrams before glasshouse: its build:done (close the browser, log counts) runs before encryption.
	integrations: [mdx(), tailwind({ configFile: './src/styles/tailwind.config.mjs', applyBaseStyles: false }), diagrams(), glasshouse()],
	devToolbar: { enabled: false },
});
