import type { AuditKind } from './audit.js';
import { generateUniqueCardNumber } from './cardNumberGenerator.js';
import { validateManualCardNumber } from './cardNumberFormat.js';
import { changesLeftToday, checkDailyCardChangeLimit } from './dailyCardChangeLimit.js';
import { domainError, type DomainError } from './domainError.js';
import { isLockedOut } from './lockout.js';
import type { Repositories } from './ports.js';
import { err, ok, type Result } from './result.js';
import type { CardChanged } from './selfService.js';
import type { FlowResult, SelfServiceContext } from './selfServiceContext.js';
import { SELF_SERVICE_MESSAGES as M, lockedOutError } from './selfServiceMessages.js';
import { cardOf, type CardField, type User } from './user.js';

type Request = { readonly kind: 'generated' } | { readonly kind: 'manual'; readonly cardNumber: string };

const auditKindOf = (request: Request): AuditKind => (request.kind === 'generated' ? 'card.regenerate' : 'card.set');

function preconditions(ctx: SelfServiceContext, user: User | undefined, request: Request): Result<{ user: User; request: Request }, DomainError> {
  const config = ctx.repos.config;
  if (!user) return err(domainError('not-found', M.userNotFound));
  if (!config.get('user.allow-change-card-id')) return err(domainError('card-change-not-allowed', M.cardChangeNotAllowed));
  if (request.kind === 'manual') {
    if (config.get('user.change-card-id.auto-generate-only')) return err(domainError('manual-card-not-allowed', M.manualCardNotAllowed));
    const lengths = { minLength: config.get('card-id.min-length'), maxLength: config.get('card-id.max-length') };
    const typed = validateManualCardNumber(String(request.cardNumber), lengths);
    if (!typed.ok) return typed;
    request = { kind: 'manual', cardNumber: typed.value };
  }
  if (user.disabled) return err(domainError('user-disabled', M.userDisabled));
  if (isLockedOut(user, ctx.now())) return err(lockedOutError(user.lockedUntil!, ctx.now()));
  return ok({ user, request });
}

function withinDailyLimit(ctx: SelfServiceContext, repos: Repositories, userId: string): Result<number, DomainError> {
  const today = ctx.cardChangesToday(repos, userId);
  const limit = checkDailyCardChangeLimit(today, repos.config.get('user.can-change-card-id.num-times-per-day'));
  return limit.ok ? ok(today) : limit;
}

/**
 * Writes the new number into exactly `field`, records the change for the daily limit, audits.
 * When the central store has assigned the number, a stale local holder (the pull has not arrived)
 * gives it up: the central store is authoritative for uniqueness (DESIGN §5).
 */
function applyCardChange(
  ctx: SelfServiceContext,
  repos: Repositories,
  user: User,
  field: CardField,
  cardNumber: string,
  request: Request,
): CardChanged {
  const now = ctx.now();
  let current = repos.users.findById(user.id)!;
  const holder = repos.users.findByCard(cardNumber);
  if (holder && holder.id !== current.id) {
    repos.users.update({ ...holder, ...(holder.primaryCard === cardNumber ? { primaryCard: null } : { secondaryCard: null }) });
  } else if (holder && cardOf(current, field) !== cardNumber) {
    current = field === 'primary' ? { ...current, secondaryCard: null } : { ...current, primaryCard: null };
  }
  const updated = repos.users.update(field === 'primary' ? { ...current, primaryCard: cardNumber } : { ...current, secondaryCard: cardNumber });
  repos.cardChanges.record({ userId: user.id, field, at: now, kind: request.kind });
  const left = changesLeftToday(ctx.cardChangesToday(repos, user.id), repos.config.get('user.can-change-card-id.num-times-per-day'));
  ctx.audit(repos, auditKindOf(request), updated, null, { field, changesLeftToday: left, centrally: ctx.deps.central !== undefined });
  return { field, cardNumber, changesLeftToday: left };
}

/**
 * Everything this kiosk can decide before a change: the preconditions, the typed number's format,
 * the daily limit and uniqueness in this store. A refusal is audited as the change's would be.
 */
function checkLocally(ctx: SelfServiceContext, userId: string, request: Request): Result<{ user: User; request: Request; field: CardField }, DomainError> {
  const user = ctx.repos.users.findById(userId);
  const kind = auditKindOf(request);
  const checked = preconditions(ctx, user, request);
  if (!checked.ok) return ctx.refuse(kind, user, checked.error);
  const field = ctx.repos.config.get('user.change-card-id.which');
  const local = withinDailyLimit(ctx, ctx.repos, userId);
  if (!local.ok) return ctx.refuse(kind, user, local.error, { field });
  const { request: valid } = checked.value;
  if (valid.kind === 'manual' && ctx.repos.users.isCardTaken(valid.cardNumber)) {
    return ctx.refuse(kind, user, domainError('card-in-use', M.cardInUse), { field });
  }
  return ok({ ...checked.value, field });
}

/**
 * A typed number checked without changing anything, so the kiosk refuses it before its
 * confirmation screen. An enrolled kiosk's central store may still refuse a number another kiosk
 * took since the last pull; setCard decides.
 */
export async function checkTypedCard(ctx: SelfServiceContext, userId: string, cardNumber: string): FlowResult<void> {
  const checked = checkLocally(ctx, userId, { kind: 'manual', cardNumber });
  return checked.ok ? ok(undefined) : checked;
}

/** Regenerate (generated) or type (manual) a Card/ID number, for the field user.change-card-id.which names. */
export async function changeCard(ctx: SelfServiceContext, userId: string, requested: Request): FlowResult<CardChanged> {
  const checked = checkLocally(ctx, userId, requested);
  if (!checked.ok) return checked;
  const { user, request, field } = checked.value;
  const kind = auditKindOf(request);
  const manualNumber = request.kind === 'manual' ? request.cardNumber : null;

  const central = ctx.deps.central;
  if (central) {
    // Enrolled: uniqueness and the daily limit are global, so the central store decides first.
    const answer = await central.requestCardChange({ idempotencyKey: ctx.deps.random.uuid(), userId: user.id, field, manualNumber });
    if (!answer.ok) return ctx.refuse(kind, user, answer.error, { field });
    return ctx.deps.uow.transaction((repos) => ok(applyCardChange(ctx, repos, user, field, answer.value.cardNumber, request)));
  }

  // Standalone: this store is the authority; check again inside the transaction that writes.
  return ctx.deps.uow.transaction((repos) => {
    const refuse = (error: DomainError) => {
      ctx.audit(repos, kind, user, error, { field });
      return err(error);
    };
    const limit = withinDailyLimit(ctx, repos, user.id);
    if (!limit.ok) return refuse(limit.error);
    let cardNumber: string;
    if (manualNumber !== null) {
      if (repos.users.isCardTaken(manualNumber)) return refuse(domainError('card-in-use', M.cardInUse));
      cardNumber = manualNumber;
    } else {
      const generated = generateUniqueCardNumber(ctx.deps.random, repos.config.get('card-id.generated-length'), (n) => repos.users.isCardTaken(n));
      if (!generated.ok) return refuse(generated.error);
      cardNumber = generated.value;
    }
    return ok(applyCardChange(ctx, repos, user, field, cardNumber, request));
  });
}
