import type { CardField, CentralCardAuthority, DomainError, Result } from '../../src/core/index.js';

/**
 * A scripted stand-in for the central store's card authority, named as such: it lets the
 * SelfService tests drive the enrolled-kiosk path (accept, refuse, unreachable) without the
 * central server, whose own tests cover the real rules over HTTP.
 */
export class ScriptedCentralCardAuthority implements CentralCardAuthority {
  readonly requests: { idempotencyKey: string; userId: string; field: CardField; manualNumber: string | null }[] = [];
  private readonly answers: Result<{ readonly cardNumber: string }, DomainError>[] = [];

  answer(result: Result<{ readonly cardNumber: string }, DomainError>): this {
    this.answers.push(result);
    return this;
  }

  async requestCardChange(request: { idempotencyKey: string; userId: string; field: CardField; manualNumber: string | null }) {
    this.requests.push({ ...request });
    const next = this.answers.shift();
    if (!next) throw new Error('ScriptedCentralCardAuthority: no answer scripted');
    return next;
  }
}
