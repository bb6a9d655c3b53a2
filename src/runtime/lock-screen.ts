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
	| 'gate.unlocked';

export interface LockScreen {
	/** Shows the password form, with an optional notice above it. */
	ask(notice: GateMessage | undefined, unlock: (password: string, remember: boolean) => Promise<boolean>): void;
	/** Shows a final error: the page cannot be opened here. */
	fail(message: GateMessage): void;
}

export function lockScreen(strings: Record<GateMessage, string>): LockScreen {
	const form = document.querySelector<HTMLFormElement>('[data-gh-form]')!;
	const status = document.querySelector<HTMLElement>('[data-gh-status]')!;
	const alert = document.querySelector<HTMLElement>('[data-gh-alert]')!;
	const password = form.querySelector<HTMLInputElement>('input[type="password"]')!;
	const remember = form.querySelector<HTMLInputElement>('input[type="checkbox"]');
	const submit = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
	const live = document.querySelector<HTMLElement>('[data-gh-live]');
	const reveal = form.querySelector<HTMLButtonElement>('[data-gh-reveal]');

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

	return {
		ask(notice, unlock) {
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
				if (live) live.textContent = strings['gate.unlocking'];
				say(undefined);
				markInvalid(false);
				if (password.type !== 'password') password.type = 'password';
				reveal?.setAttribute('aria-pressed', 'false');
				const opened = await unlock(password.value, remember?.checked ?? false);
				if (opened) return;
				submit.disabled = false;
				submit.textContent = label;
				if (live) live.textContent = '';
				say('gate.wrongPassword');
				markInvalid(true);
				password.select();
			});
		},
		fail(message) {
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
 * (the text is in the shell, so it needs no configuration that might be what failed). Once a
 * decrypted page has replaced the lock screen there is nothing to change: its Lock button was
 * made available first thing.
 */
export function showUnexpectedFailure(): void {
	const alert = document.querySelector<HTMLElement>('[data-gh-alert]');
	if (!alert) return;
	for (const part of document.querySelectorAll<HTMLElement>('[data-gh-status], [data-gh-form]')) {
		part.hidden = true;
		part.dataset.ghClosed = '';
	}
	alert.textContent = alert.dataset.ghFailed ?? '';
	alert.hidden = false;
}
