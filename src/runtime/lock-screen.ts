/** The lock screen of the shell page: which parts show, and what they say. */
export type GateMessage =
	| 'gate.opening'
	| 'gate.unlocking'
	| 'gate.wrongPassword'
	| 'gate.linkInvalid'
	| 'gate.linkIncomplete'
	| 'gate.badAddress'
	| 'gate.accessChanged'
	| 'gate.tampered'
	| 'gate.unsupported'
	| 'gate.unlocked'
	| 'gate.failed';

export interface LockScreen {
	/** Shows the password form, with an optional notice above it. */
	ask(notice: GateMessage | undefined, unlock: (password: string, remember: boolean) => Promise<boolean>): void;
	/** Shows a final error: the page cannot be opened here. */
	fail(message: GateMessage): void;
}

/** How long the gate may decide unseen before the card shows "Opening…". */
const REVEAL_AFTER_MS = 1000;

export function lockScreen(strings: Record<GateMessage, string>): LockScreen {
	const form = document.querySelector<HTMLFormElement>('[data-gh-form]')!;
	const status = document.querySelector<HTMLElement>('.gh-status')!;
	const { alert, live } = liveRegions(status.closest('main'));
	const password = form.querySelector<HTMLInputElement>('input[type="password"]')!;
	const remember = form.querySelector<HTMLInputElement>('input[type="checkbox"]');
	const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
	const reveal = form.querySelector<HTMLButtonElement>('.gh-reveal');

	const say = (message: GateMessage | undefined) => {
		alert.textContent = message ? strings[message] : '';
		alert.hidden = !message;
	};
	// The password field points at the error while there is one (WCAG 3.3.1).
	const markInvalid = (invalid: boolean) => {
		if (invalid) {
			password.setAttribute('aria-invalid', 'true');
			password.setAttribute('aria-describedby', alert.id);
		} else {
			password.removeAttribute('aria-invalid');
			password.removeAttribute('aria-describedby');
		}
	};
	// Six-word passphrases are easier to type when they can be seen.
	reveal?.addEventListener('click', () => {
		const shown = password.type === 'password';
		password.type = shown ? 'text' : 'password';
		reveal.setAttribute('aria-pressed', String(shown));
	});

	// The shell says "JavaScript is needed" until this code runs.
	status.textContent = strings['gate.opening'];
	// While the gate decides (a link or a remembered key opens the page without it), the card is not
	// drawn: laying it out (its first text, so the fonts) came before the page on every first visit
	// and every page after it, 80 ms of a phone's CPU. It is drawn when it asks or fails, or after
	// REVEAL_AFTER_MS, so a slow opening still says "Opening…". The shell's script is render-blocking
	// (render-shell.ts), so where the browser honours that, nothing of the card is drawn before this.
	const card = status.closest('main');
	const revealCard = () => {
		clearTimeout(revealing);
		if (card) card.hidden = false;
	};
	if (card) card.hidden = true;
	const revealing = setTimeout(revealCard, REVEAL_AFTER_MS);

	return {
		ask(notice, unlock) {
			revealCard();
			status.hidden = true;
			form.hidden = false;
			say(notice);
			password.focus();
			form.addEventListener('submit', async (event) => {
				event.preventDefault();
				if (!password.value) return;
				submit.disabled = true;
				const label = submit.textContent;
				submit.textContent = strings['gate.unlocking'];
				// A disabled button's new text is not read out: the status region says it.
				live.textContent = strings['gate.unlocking'];
				say(undefined);
				markInvalid(false);
				if (password.type !== 'password') password.type = 'password';
				reveal?.setAttribute('aria-pressed', 'false');
				const opened = await unlock(password.value, remember?.checked ?? false);
				if (opened) return;
				submit.disabled = false;
				submit.textContent = label;
				live.textContent = '';
				say('gate.wrongPassword');
				markInvalid(true);
				password.select();
			});
		},
		fail(message) {
			revealCard();
			status.hidden = true;
			form.hidden = true;
			// No longer keeps its place on the card (see gate.css).
			form.dataset.ghClosed = '';
			say(message);
		},
	};
}

/**
 * The last resort when the unlock code itself fails unexpectedly: says so in the page's language
 * (`message`, from the unlock code's own messages, so it needs no configuration that might be
 * what failed). Once a decrypted page has replaced the lock screen there is nothing to change: its
 * Lock button was made available first thing.
 */
export function showUnexpectedFailure(message: string): void {
	const card = document.querySelector<HTMLElement>('main.gh-card');
	if (!card) return;
	const { alert } = liveRegions(card);
	card.hidden = false;
	for (const part of document.querySelectorAll<HTMLElement>('.gh-status, [data-gh-form]')) {
		part.hidden = true;
		part.dataset.ghClosed = '';
	}
	alert.textContent = message;
	alert.hidden = false;
}

/**
 * The card's alert (errors, tied to the password field while there is one) and its status region
 * ("Unlocking…" for screen readers). Only this code writes to them, so it adds them to the card
 * when it starts, long before anything is said in them, instead of every page's shell carrying them.
 */
function liveRegions(card: HTMLElement | null): { alert: HTMLElement; live: HTMLElement } {
	const region = (selector: string, make: () => HTMLElement) => {
		const found = document.querySelector<HTMLElement>(selector);
		if (found) return found;
		const made = make();
		card?.append(made);
		return made;
	};
	const alert = region('[data-gh-alert]', () => {
		const element = document.createElement('p');
		element.className = 'gh-alert';
		element.id = 'gh-alert';
		element.setAttribute('role', 'alert');
		element.dataset.ghAlert = '';
		element.hidden = true;
		return element;
	});
	const live = region('[data-gh-live]', () => {
		const element = document.createElement('p');
		element.className = 'gh-live';
		element.setAttribute('role', 'status');
		element.dataset.ghLive = '';
		return element;
	});
	return { alert, live };
}
