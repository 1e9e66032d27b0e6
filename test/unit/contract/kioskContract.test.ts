import {
  DOMAIN_ERROR_CODES,
  EVENT_NAMES,
  KIOSK_EVENTS,
  KIOSK_METHODS,
  METHOD_NAMES,
  METHOD_RESULT_SCHEMAS,
  PRINT_METHOD_NAMES,
  TECHNICIAN_METHOD_NAMES,
  contractErrorSchema,
  isMethodName,
  kioskStateSchema,
  sessionStateSchema,
} from '../../../src/contract/index.js';

describe('kiosk contract: methods', () => {
  it('lists exactly the agreed methods, in one map', () => {
    expect([...METHOD_NAMES].sort()).toEqual(
      ['beginTypedId', 'cancel', 'changePin', 'checkCard', 'checkCurrentPin', 'getState', 'logout', 'presentCard', 'regenerateCard', 'setCard', 'setFirstPin', 'submitPin', 'touch', ...TECHNICIAN_METHOD_NAMES, ...PRINT_METHOD_NAMES, 'linkCard'].sort(),
    );
    expect(isMethodName('submitPin')).toBe(true);
    expect(isMethodName('toString')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
  });

  it('keeps Card/ID numbers as strings with their leading zeros', () => {
    const parsed = KIOSK_METHODS.presentCard.input.parse({ cardNumber: '0004521337' });
    expect(parsed.cardNumber).toBe('0004521337');
    expect(KIOSK_METHODS.presentCard.input.safeParse({ cardNumber: 4521337 }).success).toBe(false);
  });

  it('refuses extra fields, empty numbers and numbers with spaces or symbols', () => {
    expect(KIOSK_METHODS.presentCard.input.safeParse({ cardNumber: '123', userId: 'x' }).success).toBe(false);
    // A wedge read with separators reaches the host, which refuses it as an unknown card and logs why.
    expect(KIOSK_METHODS.presentCard.input.safeParse({ cardNumber: '1234 5678' }).success).toBe(true);
    expect(KIOSK_METHODS.presentCard.input.safeParse({ cardNumber: '1234\n5678' }).success).toBe(false);
    expect(KIOSK_METHODS.beginTypedId.input.safeParse({ idNumber: '' }).success).toBe(false);
    expect(KIOSK_METHODS.beginTypedId.input.safeParse({ idNumber: '12 34' }).success).toBe(false);
    expect(KIOSK_METHODS.setCard.input.safeParse({ cardNumber: '1'.repeat(65) }).success).toBe(false);
    expect(KIOSK_METHODS.getState.input.safeParse({ anything: 1 }).success).toBe(false);
  });

  it('leaves the PIN policy to the domain but bounds the length, without echoing the PIN', () => {
    expect(KIOSK_METHODS.setFirstPin.input.safeParse({ newPin: '1', confirmPin: '1' }).success).toBe(true);
    const tooLong = KIOSK_METHODS.submitPin.input.safeParse({ pin: '9'.repeat(65) });
    expect(tooLong.success).toBe(false);
    expect(JSON.stringify(tooLong.error?.issues)).not.toContain('9'.repeat(65));
    expect(KIOSK_METHODS.submitPin.input.safeParse({ pin: '' }).success).toBe(false);
    expect(KIOSK_METHODS.changePin.input.safeParse({ currentPin: '2580', newPin: '1357' }).success).toBe(false);
  });

  it('wraps each output in ok/error values', () => {
    const schema = METHOD_RESULT_SCHEMAS.submitPin;
    expect(schema.safeParse({ ok: true, value: { phase: 'enter-pin', via: 'card' } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'wrong-pin', message: 'Wrong PIN.', details: { attemptsLeft: 2 } } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'made-up', message: 'x' } }).success).toBe(false);
    expect(schema.safeParse({ ok: true, value: { phase: 'dancing' } }).success).toBe(false);
  });
});

describe('kiosk contract: what reaches the renderer', () => {
  const signedIn = {
    phase: 'signed-in',
    user: { username: 'ada', displayName: 'Ada L.', primaryCard: '0012', secondaryCard: null },
    allowed: { changePin: true, changeCardId: true, cardField: 'primary', manualCardEntry: false, changesLeftToday: 3 },
  };

  it('accepts the signed-in user without any PIN hash field', () => {
    expect(sessionStateSchema.safeParse(signedIn).success).toBe(true);
    const withHash = { ...signedIn, user: { ...signedIn.user, pinHash: '$argon2id$v=19$m=19456,t=2,p=1$x$y' } };
    expect(sessionStateSchema.safeParse(withHash).success).toBe(false);
  });

  it('tells nothing about the user before the PIN', () => {
    expect(sessionStateSchema.safeParse({ phase: 'enter-pin', via: 'id', user: signedIn.user }).success).toBe(false);
  });

  it('describes the whole screen state in getState', () => {
    const state = {
      kioskId: null,
      language: { default: 'en', available: ['en', 'de', 'fr'] },
      idle: { timeoutSeconds: 60, warningSeconds: 10 },
      pin: { minLength: 4, maxLength: 8 },
      cardId: { generatedLength: 8, minLength: 4, maxLength: 32 },
      reader: { readers: [{ id: 'serial-1', label: 'RDM6300 on /dev/ttyUSB0', kind: 'serial', state: 'ready' }], keyboardWedge: { enabled: true } },
      sync: { mode: 'standalone', online: false, lastSyncAt: null, pendingChanges: 0 },
      session: { phase: 'idle' },
    };
    expect(kioskStateSchema.parse(state)).toEqual(state);
    expect(kioskStateSchema.safeParse({ ...state, language: { default: 'xx', available: [] } }).success).toBe(false);
  });

  it('error values carry the codes of the domain and of the transport', () => {
    for (const code of [...DOMAIN_ERROR_CODES, 'bad-request', 'unknown-method', 'unauthorized']) {
      expect(contractErrorSchema.safeParse({ code, message: 'm' }).success, code).toBe(true);
    }
    expect(contractErrorSchema.safeParse({ code: 'wrong-pin', message: 'm', details: { pin: { nested: 1 } } }).success).toBe(false);
  });
});

describe('kiosk contract: events', () => {
  it('has the agreed events', () => {
    expect([...EVENT_NAMES].sort()).toEqual(['cardRead', 'idleCountdown', 'readerStatus', 'session', 'syncStatus', 'technician', 'technicianRecord', 'technicianTestSwipe']);
  });

  it('announces a sign-out with its reason', () => {
    const ok = KIOSK_EVENTS.session.safeParse({ session: { phase: 'idle' }, signedOut: { reason: 'second-swipe' } });
    expect(ok.success).toBe(true);
    expect(KIOSK_EVENTS.session.safeParse({ session: { phase: 'idle' }, signedOut: { reason: 'bored' } }).success).toBe(false);
  });

  it('counts down in whole seconds and can stop', () => {
    expect(KIOSK_EVENTS.idleCountdown.safeParse({ secondsLeft: 9 }).success).toBe(true);
    expect(KIOSK_EVENTS.idleCountdown.safeParse({ secondsLeft: null }).success).toBe(true);
    expect(KIOSK_EVENTS.idleCountdown.safeParse({ secondsLeft: -1 }).success).toBe(false);
  });

  it('never carries the card number of a host-side read', () => {
    const read = { readerId: 'serial-1', source: 'serial', at: 1, error: null };
    expect(KIOSK_EVENTS.cardRead.safeParse(read).success).toBe(true);
    expect(KIOSK_EVENTS.cardRead.safeParse({ ...read, cardNumber: '0012' }).success).toBe(false);
  });
});
