// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import { tsImport } from 'tsx/esm/api';

// The settings live in src/astro-config.ts: `glasshouse build` passes them to Astro itself,
// together with its build context and the content it checked (see GlasshouseOptions); run
// directly, Astro gets them with the build context read from the environment. They are loaded
// through tsx, not Vite, so the `@/` imports of the code they reach resolve (Vite loads this
// file before it knows any alias).
const { astroConfigFromEnvironment } = await tsImport('./src/astro-config.ts', {
	parentURL: import.meta.url,
	tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
});
export default defineConfig(astroConfigFromEnvironment());
