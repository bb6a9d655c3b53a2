import { generateSecret } from '@/keys/secret';
import type { Output } from '@/cli/output';

export const secretHelp = `Usage: glasshouse secret

Prints a new random GLASSHOUSE_SECRET (32 bytes, base64). Store it in a git-ignored .env file
as GLASSHOUSE_SECRET=… and in your CI's secrets. Changing it changes every password and link.`;

export async function runSecret(output: Output): Promise<number> {
	output.info(generateSecret());
	return 0;
}
