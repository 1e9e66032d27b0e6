import type { DomainError } from './domainError.js';
import type { CentralCardAuthority, Clock, PinHasher, RandomSource, UnitOfWork } from './ports.js';
import type { Result } from './result.js';
import type { CardField, PublicUser } from './user.js';

/** How the user identified: a swiped/tapped card, or an ID number typed on the keypad. */
export type Credential =
  | { readonly via: 'card'; readonly cardNumber: string }
  | { readonly via: 'id'; readonly cardNumber: string };

/** Step one of a swipe, before any PIN: what the kiosk shows next. */
export interface CardIdentification {
  readonly user: PublicUser;
  /** enter-pin: ask the PIN; set-pin: first login; signed-in: auth.pin-required-for-card is off. */
  readonly next: 'enter-pin' | 'set-pin' | 'signed-in';
}

export interface SignedIn {
  readonly user: PublicUser;
  /** What the home screen may offer, from the configuration at sign-in time. */
  readonly allowed: AllowedActions;
}

export interface AllowedActions {
  readonly changePin: boolean;
  readonly changeCardId: boolean;
  readonly cardField: CardField;
  readonly manualCardEntry: boolean;
  readonly changesLeftToday: number;
}

export interface CardChanged {
  readonly field: CardField;
  readonly cardNumber: string;
  readonly changesLeftToday: number;
}

export interface SelfServiceDeps {
  readonly uow: UnitOfWork;
  readonly hasher: PinHasher;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly kioskId: string | null;
  /** Set when the kiosk is enrolled: Card/ID changes then go through the central store. */
  readonly central?: CentralCardAuthority;
}

/**
 * The kiosk's self-service use cases, shared by the kiosk host and the CLI so both enforce
 * exactly the same rules with the same messages. Every outcome, success or refusal, is audited.
 */
export interface SelfService {
  identifyCard(cardNumber: string): Promise<Result<CardIdentification, DomainError>>;
  authenticate(credential: Credential, pin: string): Promise<Result<SignedIn, DomainError>>;
  /** First login: the user has no PIN yet. */
  setFirstPin(credential: Credential, newPin: string, confirmPin: string): Promise<Result<SignedIn, DomainError>>;
  changePin(userId: string, currentPin: string, newPin: string, confirmPin: string): Promise<Result<void, DomainError>>;
  /** Change PIN's first step alone: a wrong current PIN counts like one in changePin; nothing changes. */
  checkCurrentPin(userId: string, currentPin: string): Promise<Result<void, DomainError>>;
  regenerateCard(userId: string): Promise<Result<CardChanged, DomainError>>;
  setCard(userId: string, newCardNumber: string): Promise<Result<CardChanged, DomainError>>;
  /** setCard's checks alone (format, daily limit, uniqueness here), before the confirmation; nothing changes. */
  checkTypedCard(userId: string, newCardNumber: string): Promise<Result<void, DomainError>>;
  allowedActions(userId: string): Result<AllowedActions, DomainError>;
}
