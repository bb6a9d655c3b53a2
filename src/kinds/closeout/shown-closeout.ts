import type { Client } from '@/kinds/client/schema';

/**
 * The close-out summary to show, if any: only once the client's status is closed, so a PM can
 * write it ahead of the end without the client seeing it early.
 */
export function shownCloseout<T>(client: Pick<Client, 'status'>, closeout: T | undefined): T | undefined {
	return client.status === 'closed' ? closeout : undefined;
}
