// @ts-check
import { defineConfig } from 'astro/config';
import { astroConfig } from './src/astro-config.ts';

// The settings live in src/astro-config.ts: `glasshouse build` passes them to Astro itself,
// together with the content it checked (see GlasshouseOptions).
export default defineConfig(astroConfig());
