import type { Plugin } from 'vite';

/**
 * Turns Rollup's tree-shaking off for Astro's server build. That bundle exists only to render the
 * pages during the build and is deleted afterwards (Astro's `cleanServerOutput`): code it keeps but
 * never calls costs nothing anyone downloads. Tree-shaking it was the largest single item of a full
 * build's profile (Rollup's `include` passes over thousands of compiled bodies, with the garbage
 * collection they cause), and it grows with the pages. The client build, whose scripts are
 * published, keeps it.
 */
export function serverBuildWithoutTreeShaking(): Plugin {
	return {
		name: 'glasshouse:server-build-without-tree-shaking',
		apply: 'build',
		config(_config, { isSsrBuild }) {
			return isSsrBuild ? { build: { rollupOptions: { treeshake: false } } } : undefined;
		},
	};
}
