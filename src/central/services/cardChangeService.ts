import {
  checkCardAssociation,
  checkCardChangeRequest,
  checkDailyCardChangeLimit,
  changesLeftToday,
  fail,
  generateCardNumber,
  ok,
  startOfSiteDay,
  type CardField,
  type ConfigValues,
  type DomainError,
  type RandomSource,
  type Result,
} from '../../core/index.js';
import type { CentralDb, WriteTx } from '../storage/centralStorage.js';
import { preparedQuery } from '../storage/preparedQuery.js';
import { isCardTaken, setCardNumber, toUser, type UserRow } from './userRows.js';

/** Where a change is made: inside one write transaction; kioskId null for the web and the CLI. */
export interface ChangeContext {
  readonly tx: WriteTx;
  readonly now: number;
  readonly random: RandomSource;
  readonly kioskId: string | null;
}

export interface CardChangeOutcome {
  readonly cardNumber: string;
  readonly field: CardField;
  readonly changesLeftToday: number;
}

/** Card/ID changes of this user since the start of the site's calendar day: kiosks and web together. */
export async function cardChangesToday(db: CentralDb, userId: string, now: number, timezone: string): Promise<number> {
  const [counted] = await cardChangesSince(db, userId, startOfSiteDay(now, timezone));
  return Number(counted?.n ?? 0);
}

// Every sign-in's profile and every change ask it.
const cardChangesSince = preparedQuery((db: CentralDb, userId: string, since: number) =>
  db.selectFrom('card_changes').select((eb) => eb.fn.countAll().as('n')).where('user_id', '=', userId).where('at', '>=', since),
);

/** Writes the number and records the change that the daily limit counts (the one place that does). */
async function recordCardChange(
  ctx: ChangeContext,
  user: UserRow,
  field: CardField,
  cardNumber: string,
  kind: 'generated' | 'manual',
  config: ConfigValues,
): Promise<Result<CardChangeOutcome, DomainError>> {
  const saved = await setCardNumber(ctx.tx, user, field, cardNumber, ctx.now);
  if (!saved.ok) return saved;
  const seq = await ctx.tx.nextSeq();
  await ctx.tx.db
    .insertInto('card_changes')
    .values({ id: ctx.random.uuid(), user_id: user.id, field, kind, at: ctx.now, kiosk_id: ctx.kioskId, seq })
    .execute();
  const today = await cardChangesToday(ctx.tx.db, user.id, ctx.now, config['site.timezone']);
  return ok({ cardNumber, field, changesLeftToday: changesLeftToday(today, config['user.can-change-card-id.num-times-per-day']) });
}

async function withinDailyLimit(ctx: ChangeContext, user: UserRow, config: ConfigValues): Promise<Result<void, DomainError>> {
  const today = await cardChangesToday(ctx.tx.db, user.id, ctx.now, config['site.timezone']);
  return checkDailyCardChangeLimit(today, config['user.can-change-card-id.num-times-per-day']);
}

/**
 * Card/ID change (generate, or a typed number): the one flow behind kiosk commands and the User web
 * interface. Uniqueness and the daily limit need the whole site, so they are checked here, in the
 * transaction that writes.
 */
export async function changeCard(
  ctx: ChangeContext,
  user: UserRow,
  field: CardField,
  manualNumber: string | null,
  config: ConfigValues,
): Promise<Result<CardChangeOutcome, DomainError>> {
  const request = checkCardChangeRequest(config, toUser(user), field, manualNumber, ctx.now);
  if (!request.ok) return request;
  const limit = await withinDailyLimit(ctx, user, config);
  if (!limit.ok) return limit;
  let cardNumber = request.value;
  if (cardNumber === null) {
    const generated = await generateUnused(ctx, config['card-id.generated-length']);
    if (!generated.ok) return generated;
    cardNumber = generated.value;
  }
  return recordCardChange(ctx, user, field, cardNumber, request.value === null ? 'generated' : 'manual', config);
}

/**
 * Card self-association at a kiosk: the swiped card becomes the configured field's number, unless
 * another user holds it. Counts toward the daily limit like any other change.
 */
export async function associateCard(ctx: ChangeContext, user: UserRow, cardNumber: string, config: ConfigValues): Promise<Result<CardChangeOutcome, DomainError>> {
  const allowed = checkCardAssociation(config, toUser(user), ctx.now);
  if (!allowed.ok) return allowed;
  // Linked already (a retried request): nothing to change, nothing to count.
  if ((allowed.value === 'primary' ? user.primary_card : user.secondary_card) === cardNumber) {
    const today = await cardChangesToday(ctx.tx.db, user.id, ctx.now, config['site.timezone']);
    return ok({ cardNumber, field: allowed.value, changesLeftToday: changesLeftToday(today, config['user.can-change-card-id.num-times-per-day']) });
  }
  const limit = await withinDailyLimit(ctx, user, config);
  if (!limit.ok) return limit;
  return recordCardChange(ctx, user, allowed.value, cardNumber, 'manual', config);
}

/** A lookup costs microseconds here, so it tries harder than the kiosk before giving up on a crowded length. */
async function generateUnused(ctx: ChangeContext, length: number, maxTries = 100): Promise<Result<string, DomainError>> {
  for (let attempt = 0; attempt < maxTries; attempt++) {
    const candidate = generateCardNumber(ctx.random, length);
    if (!(await isCardTaken(ctx.tx.db, candidate))) return ok(candidate);
  }
  return fail('conflict', `Could not find an unused Card/ID number of ${length} digits. Please contact your system administrator.`, { length });
}
