import type { Credential, DomainError, SignedIn } from '../core/index.js';
import type { CliContext } from './cliCommand.js';
import type { CliKiosk } from './cliKiosk.js';

/** A refusal as the CLI prints it: the domain's own message, the same words the kiosk shows. */
export function printRefusal(ctx: CliContext, error: DomainError): number {
  ctx.stderr.write(`${error.message}\n`);
  return 1;
}

/**
 * Self-service commands act as the user at a kiosk would: they sign in with the Card/ID number
 * and PIN first (lockout and auditing included), then ask SelfService for the change.
 */
export async function signIn(ctx: CliContext, kiosk: CliKiosk, credential: Credential, pin: string): Promise<SignedIn | undefined> {
  const result = await (await kiosk.selfService()).authenticate(credential, pin);
  if (result.ok) return result.value;
  printRefusal(ctx, result.error);
  return undefined;
}
