/**
 * Files of a client's `pagefind/` folder that stay readable: Pagefind's generic runtime and its
 * language (not client) specific WebAssembly. The build seals everything else; the browser
 * decrypts everything else. Path relative to the `pagefind/` folder.
 */
export const PUBLIC_INDEX_FILE = /^(pagefind\.js|wasm\.[a-z-]+\.pagefind)$/;
