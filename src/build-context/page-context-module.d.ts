declare module 'virtual:glasshouse/page-context' {
	/** The page context of this build (see src/build-context/page-context.ts). */
	export const pageContext: import('@/build-context/page-context').PageContext;
}
