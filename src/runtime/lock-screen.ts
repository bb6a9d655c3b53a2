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
	| 'gate.unsupported';

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

	const say = (message: GateMessage | undefined) => {
		alert.textContent = message ? strings[message] : '';
		alert.hidden = !message;
	};

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
				say(undefined);
				const opened = await unlock(password.value, remember?.checked ?? false);
				if (opened) return;
				submit.disabled = false;
				submit.textContent = label;
				say('gate.wrongPassword');
				password.select();
			});
		},
		fail(message) {
			status.hidden = true;
			form.hidden = true;
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
	for (const part of document.querySelectorAll<HTMLElement>('[data-gh-status], [data-gh-form]')) part.hidden = true;
	alert.textContent = alert.dataset.ghFailed ?? '';
	alert.hidden = false;
}
