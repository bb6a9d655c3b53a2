// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import tailwind from '@astrojs/tailwind';
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
	markdown: { syntaxHighlight: { type: 'shiki', excludeLangs: ['mermaid'] } },
	integrations: [mdx(), tailwind({ configFile: './src/styles/tailwind.config.mjs', applyBaseStyles: false }), glasshouse()],
	devToolbar: { enabled: false },
});
