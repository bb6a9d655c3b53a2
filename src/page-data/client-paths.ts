/** `getStaticPaths` result for pages that exist once per client. */
export async function perClient(slugs: Promise<string[]>) {
	return (await slugs).map((client) => ({ params: { client } }));
}
