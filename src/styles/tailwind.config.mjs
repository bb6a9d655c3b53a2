import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('..', import.meta.url));

/** Folders of `src/` whose code never writes a class name into a page. */
const BUILD_SIDE_FOLDERS = [
	'bootstrap',
	'build-cache',
	'build-context',
	'check',
	'cli',
	'digest',
	'fix',
	'import',
	'keys',
	'leak-scan',
	'loader',
	'scaffold',
	'shard',
];

/** @type {import('tailwindcss').Config} */
export default {
	// Only code that writes markup for the site: the command line, the checker and the other build-side folders
	// quote Markdown in their help and comments (`[https://…](…)`), which Tailwind would read as an arbitrary
	// property and emit as broken CSS (esbuild then warned in every build log).
	content: [`${src}/**/*.{astro,html,js,ts,md,mdx}`, ...BUILD_SIDE_FOLDERS.map((folder) => `!${src}/${folder}/**`)],
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
