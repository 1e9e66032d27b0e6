import { auditEvent, type User } from '../../../src/core/index.js';

const user: User = {
  id: 'u1', username: 'ada', displayName: 'Ada', email: 'ada@example.org', primaryCard: '1234', secondaryCard: null,
  pinHash: '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g', disabled: false, failedAttempts: 0, lockedUntil: null,
  version: 1, updatedAt: 0,
};

describe('audit events', () => {
  it('records who, what, where, when and the outcome', () => {
    const event = auditEvent({
      id: 'e1', at: 42, kind: 'auth.card', outcome: 'failure', user, kioskId: 'kiosk-7', code: 'wrong-pin',
      details: { attemptsLeft: 2 },
    });
    expect(event).toEqual({
      id: 'e1', at: 42, kind: 'auth.card', outcome: 'failure', userId: 'u1', username: 'ada', kioskId: 'kiosk-7',
      code: 'wrong-pin', details: { attemptsLeft: 2 },
    });
  });

  it('takes only id and username from a whole user, never the PIN hash', () => {
    const event = auditEvent({ id: 'e2', at: 1, kind: 'pin.change', outcome: 'success', user, kioskId: null });
    expect(JSON.stringify(event)).not.toContain('argon2');
  });

  it('refuses secret-named details and anything shaped like a PIN hash', () => {
    const base = { id: 'e3', at: 1, kind: 'pin.change', outcome: 'success', kioskId: null } as const;
    // @ts-expect-error the type refuses a PIN in details
    expect(() => auditEvent({ ...base, details: { pin: '2580' } })).toThrow('may not carry "pin"');
    expect(() => auditEvent({ ...base, details: { NewPIN: '2580' } })).toThrow('may not carry');
    expect(() => auditEvent({ ...base, details: { note: user.pinHash! } })).toThrow('looks like a PIN hash');
  });
});
