import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('..', import.meta.url));

/** @type {import('tailwindcss').Config} */
export default {
	content: [`${src}/**/*.{astro,html,js,ts,md,mdx}`],
	darkMode: 'media',
	theme: {
		extend: {
			colors: {
				// Set per client from client.yaml `accent`; falls back to a neutral teal. `accent` is the brand
				// colour for decoration; `accent-ink` a shade of it readable as text, links and focus rings
				// (both from accentShades in src/kinds/client/accent.ts).
				accent: {
					DEFAULT: 'rgb(var(--accent-rgb, 15 118 110) / <alpha-value>)',
					ink: 'rgb(var(--accent-ink-rgb, 15 118 110) / <alpha-value>)',
				},
			},
			fontFamily: {
				sans: [
					'system-ui',
					'-apple-system',
					'Segoe UI',
					'Roboto',
					'"Noto Sans CJK SC"',
					'"PingFang SC"',
					'"Microsoft YaHei"',
					'sans-serif',
				],
			},
		},
	},
	plugins: [],
};
