export type CardField = 'primary' | 'secondary';

/** A user as the stores hold it. Card numbers are strings end to end: leading zeros matter. */
export interface User {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly primaryCard: string | null;
  readonly secondaryCard: string | null;
  /** argon2id PHC string; null means "no PIN yet" (set at first login after a card swipe). */
  readonly pinHash: string | null;
  readonly disabled: boolean;
  readonly failedAttempts: number;
  /** Epoch ms until which the user is locked out, or null. */
  readonly lockedUntil: number | null;
  /** Incremented on every change; the central store's change feed orders by it. */
  readonly version: number;
  readonly updatedAt: number;
}

/** What may leave the host for a renderer or a CLI listing: never the PIN hash. */
export interface PublicUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly email: string;
  readonly primaryCard: string | null;
  readonly secondaryCard: string | null;
  readonly hasPin: boolean;
  readonly disabled: boolean;
  readonly lockedUntil: number | null;
}

export function toPublicUser(user: User): PublicUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    email: user.email,
    primaryCard: user.primaryCard,
    secondaryCard: user.secondaryCard,
    hasPin: user.pinHash !== null,
    disabled: user.disabled,
    lockedUntil: user.lockedUntil,
  };
}

export function cardOf(user: User, field: CardField): string | null {
  return field === 'primary' ? user.primaryCard : user.secondaryCard;
}
