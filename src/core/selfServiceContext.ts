import type { AuditKind } from './audit.js';
import { auditEvent, type AuditDetails } from './auditEvent.js';
import { changesLeftToday } from './dailyCardChangeLimit.js';
import type { DomainError } from './domainError.js';
import type { Repositories } from './ports.js';
import { err, type Result } from './result.js';
import type { AllowedActions, SelfServiceDeps } from './selfService.js';
import { startOfSiteDay } from './siteDay.js';
import type { User } from './user.js';

type AuditUser = Pick<User, 'id' | 'username'> | null | undefined;

/** Shared plumbing of the self-service flows: audit, refusals, counts and what a user may do. */
export class SelfServiceContext {
  constructor(readonly deps: SelfServiceDeps) {}

  get repos(): Repositories {
    return this.deps.uow.repos;
  }

  now(): number {
    return this.deps.clock.now();
  }

  /** Appends one audit event with the given repositories (inside the caller's transaction). */
  audit(repos: Repositories, kind: AuditKind, user: AuditUser, error: DomainError | null, details?: AuditDetails): void {
    repos.audit.append(
      auditEvent({
        id: this.deps.random.uuid(),
        at: this.now(),
        kind,
        outcome: error ? 'failure' : 'success',
        user: user ?? null,
        kioskId: this.deps.kioskId,
        code: error?.code ?? null,
        details: { ...(error?.details ?? {}), ...(details ?? {}) } as AuditDetails,
      }),
    );
  }

  /** Audits a refusal in its own transaction and returns it as the flow's answer. */
  refuse(kind: AuditKind, user: AuditUser, error: DomainError, details?: AuditDetails): { readonly ok: false; readonly error: DomainError } {
    this.deps.uow.transaction((repos) => this.audit(repos, kind, user, error, details));
    return err(error);
  }

  cardChangesToday(repos: Repositories, userId: string): number {
    const since = startOfSiteDay(this.now(), repos.config.get('site.timezone'));
    return repos.cardChanges.countSince(userId, since);
  }

  allowedActions(repos: Repositories, user: User): AllowedActions {
    const config = repos.config;
    return {
      changePin: config.get('user.allow-change-pin'),
      changeCardId: config.get('user.allow-change-card-id'),
      cardField: config.get('user.change-card-id.which'),
      manualCardEntry: !config.get('user.change-card-id.auto-generate-only'),
      changesLeftToday: changesLeftToday(this.cardChangesToday(repos, user.id), config.get('user.can-change-card-id.num-times-per-day')),
    };
  }
}

export type FlowResult<T> = Promise<Result<T, DomainError>>;
