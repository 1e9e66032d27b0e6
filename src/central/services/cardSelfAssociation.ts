import { validateCardNumberSyntax } from '../../core/index.js';
import type { SelfAssociationResponse } from '../../protocol/selfAssociation.js';
import type { CentralContext } from '../centralContext.js';
import { associateCard, type ChangeContext } from './cardChangeService.js';
import { appendAudit } from './centralAudit.js';
import { readConfig } from './centralConfig.js';
import { signInWithDirectory, type SignInRefusal } from './userSignIn.js';
import { findUserRow } from './userRows.js';
import { maskCardNumber } from './userWebAccount.js';

export type SelfAssociationResult = { readonly ok: true; readonly value: SelfAssociationResponse } | { readonly ok: false; readonly refusal: SignInRefusal };

const refused = (status: SignInRefusal['status'], code: string, message: string): SelfAssociationResult => ({ ok: false, refusal: { status, code, message } });

/**
 * An unknown card swiped at a kiosk, claimed by its owner with their directory password
 * (card-id.self-association): the same sign-in (and lockout) as the User web interface, then the
 * same central card flow as every other change, so it counts toward the daily limit and never
 * takes a number another user holds. Audited `card.self-associate`.
 */
export async function selfAssociateCard(ctx: CentralContext, kioskId: string, cardNumber: string, username: string, password: string): Promise<SelfAssociationResult> {
  const config = await readConfig(ctx.storage.db);
  if (!config['card-id.self-association']) return refused(403, 'card-change-not-allowed', 'Linking a card at the kiosk is turned off at this site.');
  const syntax = validateCardNumberSyntax(cardNumber);
  if (!syntax.ok) return refused(400, 'invalid-card-number', syntax.error.message);
  const card = { card: maskCardNumber(syntax.value)! };
  const signedIn = await signInWithDirectory(ctx, username, password, { auditKind: 'card.self-associate', kioskId, details: { step: 'sign-in', ...card } });
  if (!signedIn.ok) return signedIn;
  return ctx.storage.write(async (wtx) => {
    const tx: ChangeContext = { tx: wtx, now: ctx.clock.now(), random: ctx.random, kioskId };
    const user = (await findUserRow(wtx.db, signedIn.user.id))!;
    const linked = await associateCard(tx, user, syntax.value, signedIn.config);
    await appendAudit(wtx.db, {
      id: ctx.random.uuid(), at: tx.now, kind: 'card.self-associate', outcome: linked.ok ? 'success' : 'failure', userId: user.id, username: user.username,
      kioskId, actor: null, code: linked.ok ? null : linked.error.code, details: { step: 'link', ...card, field: signedIn.config['user.change-card-id.which'] },
    });
    if (!linked.ok) {
      const status = linked.error.code === 'card-in-use' ? 403 : linked.error.code === 'locked-out' ? 423 : 403;
      return { ok: false as const, refusal: { status, code: linked.error.code, message: linked.error.message, ...(linked.error.details ? { details: linked.error.details } : {}) } };
    }
    return {
      ok: true as const,
      value: { userId: user.id, displayName: user.display_name, field: linked.value.field, hasPin: user.pin_hash !== null, changesLeftToday: linked.value.changesLeftToday },
    };
  });
}
