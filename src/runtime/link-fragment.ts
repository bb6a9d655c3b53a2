/**
 * Tells a personal link's fragment (`#<entry id>.<token>`) from an ordinary in-page anchor, and
 * takes it out of the address bar.
 *
 * "Key-shaped" is defined generously, because a truncated or garbled token is still most of a
 * secret: with the public slot ids, the missing characters of a nearly complete token can be
 * found offline. A fragment is key-shaped when it starts with an id-like run (letters, digits,
 * `-`, `_`) directly followed by a dot, whatever comes after the dot (nothing, a few characters,
 * a whole token, too many characters, or characters a token never holds). The site's own anchors
 * never have that shape: heading, FAQ, risk and action ids are slugs, which hold no dot
 * (`#action-2`, `#decision-outcome`, `#q-billing`), and the search page keeps its state as
 * `#q=…&type=…`, where `=` comes before any dot. Only an author's hand-written `id="v1.2"` would
 * be mistaken for a link: it loses its scroll target, and nothing else happens.
 *
 * A key-shaped fragment is a whole link only when it is exactly an entry id (a slug, as in
 * `client.yaml`) and a 43-character base64url token (256 bits), as `glasshouse share` prints it.
 */
export type LinkFragment =
	/** No fragment, or an in-page anchor: left alone. */
	| { kind: 'none' }
	/** A whole personal link. */
	| { kind: 'link'; entry: string; token: string }
	/** Key-shaped, but not a whole link: truncated, too long or damaged. */
	| { kind: 'incomplete' };

const KEY_SHAPED = /^#[A-Za-z0-9_-]+\./;
const WHOLE_LINK = /^#([a-z0-9]+(?:-[a-z0-9]+)*)\.([A-Za-z0-9_-]{43})$/;

export function classifyFragment(hash: string): LinkFragment {
	if (!KEY_SHAPED.test(hash)) return { kind: 'none' };
	const whole = WHOLE_LINK.exec(hash);
	return whole ? { kind: 'link', entry: whole[1]!, token: whole[2]! } : { kind: 'incomplete' };
}

/**
 * Classifies this page's fragment and, when it is key-shaped, removes it from the address bar,
 * the current history entry and any URL copied from now on. Run it before anything that can
 * fail, so no error path leaves a token behind.
 */
export function takeLinkFragment(): LinkFragment {
	const fragment = classifyFragment(location.hash);
	if (fragment.kind !== 'none') {
		try {
			history.replaceState(history.state, '', location.pathname + location.search);
		} catch {
			// Refused (an opaque origin): load the address without the fragment, replacing this entry.
			location.replace(location.pathname + location.search);
		}
	}
	return fragment;
}
