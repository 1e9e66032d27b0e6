import { planDirectorySync, syncPlanCounts, type DirectoryPerson, type SyncedUser } from '../../../src/core/index.js';

const person = (username: string, cardNumber: string | null, displayName = username.toUpperCase()): DirectoryPerson => ({
  dn: `uid=${username},ou=people,dc=example,dc=org`, username, displayName, email: `${username}@example.org`, cardNumber,
});
const user = (username: string, primaryCard: string | null, managed: SyncedUser['managed'], extra: Partial<SyncedUser> = {}): SyncedUser => ({
  id: `id-${username}`, username, displayName: username.toUpperCase(), email: `${username}@example.org`, primaryCard, disabled: false, managed, ...extra,
});

describe('planDirectorySync', () => {
  it('creates new people with their card, and reports a card another user holds instead of taking it', () => {
    const plan = planDirectorySync([person('ada', '111'), person('dave', '444')], [user('zed', '444', null)], new Map([['444', 'zed']]));
    expect(plan.create.map((c) => [c.person.username, c.primaryCard])).toEqual([['ada', '111'], ['dave', null]]);
    expect(plan.cardConflicts).toEqual([{ username: 'dave', cardNumber: '444', reason: 'already held by zed' }]);
    expect(plan.disable).toEqual([]);
  });

  it('two new people with the same number: the first gets it, the second is a conflict', () => {
    const plan = planDirectorySync([person('a', '9'), person('b', '9')], [], new Map());
    expect(plan.create.map((c) => c.primaryCard)).toEqual(['9', null]);
    expect(plan.cardConflicts).toEqual([{ username: 'b', cardNumber: '9', reason: 'already held by a' }]);
  });

  it('follows the directory card unless the user changed theirs since the last sync', () => {
    const synced = { syncedCard: '111', disabledBySync: false };
    const follows = planDirectorySync([person('ada', '222')], [user('ada', '111', synced)], new Map([['111', 'ada']]));
    expect(follows.setCard).toEqual([{ userId: 'id-ada', username: 'ada', cardNumber: '222' }]);
    expect(follows.syncedCards).toEqual([{ userId: 'id-ada', dn: person('ada', null).dn, syncedCard: '222' }]);
    const kept = planDirectorySync([person('ada', '222')], [user('ada', '555', synced)], new Map([['555', 'ada']]));
    expect(kept.setCard).toEqual([]);
    expect(kept.keepSelfService).toEqual([{ username: 'ada' }]);
  });

  it('reports a person whose username differs only in case from a user or an earlier person as a conflict, creating and disabling nobody', () => {
    const plan = planDirectorySync(
      [person('Ada', null), person('bob', null), person('BOB', null)],
      [user('ada', null, null), user('Carl', null, { syncedCard: null, disabledBySync: false })],
      new Map(),
    );
    expect(plan.usernameConflicts).toEqual([{ username: 'Ada', clashesWith: 'ada' }, { username: 'BOB', clashesWith: 'bob' }]);
    expect(plan.create.map((c) => c.person.username)).toEqual(['bob']);
    expect(plan.adopt).toEqual([]);
    expect(syncPlanCounts(plan)).toMatchObject({ usernameConflicts: 2, created: 1, disabled: 1 });
    // A managed user the directory now spells differently is a conflict too, not "gone": not disabled.
    const respelled = planDirectorySync([person('carl', null)], [user('Carl', null, { syncedCard: null, disabledBySync: false })], new Map());
    expect(respelled.usernameConflicts).toEqual([{ username: 'carl', clashesWith: 'Carl' }]);
    expect(respelled.disable).toEqual([]);
  });

  it('skips a person whose username a pending import holds, whatever its case: not created, and their number not claimed', () => {
    const plan = planDirectorySync([person('hedy', '777'), person('Grace', null), person('ada', '777')], [], new Map(), new Set(['hedy', 'grace']));
    expect(plan.beingImported).toEqual([{ username: 'hedy' }, { username: 'Grace' }]);
    expect(plan.create.map((c) => [c.person.username, c.primaryCard])).toEqual([['ada', '777']]);
    expect(syncPlanCounts(plan)).toMatchObject({ beingImported: 2, created: 1, cardConflicts: 0, disabled: 0 });
  });

  it('disables managed users gone from the directory, leaves unmanaged ones alone, and enables returning ones', () => {
    const plan = planDirectorySync(
      [person('back', null)],
      [user('gone', null, { syncedCard: null, disabledBySync: false }), user('local', null, null), user('back', null, { syncedCard: null, disabledBySync: true }, { disabled: true })],
      new Map(),
    );
    expect(plan.disable).toEqual([{ userId: 'id-gone', username: 'gone' }]);
    expect(plan.enable).toEqual([{ userId: 'id-back', username: 'back' }]);
    expect(syncPlanCounts(plan)).toMatchObject({ disabled: 1, enabled: 1, created: 0, unchanged: 0 });
  });

  it('changes nothing for a user already in step', () => {
    const plan = planDirectorySync([person('ada', '111')], [user('ada', '111', { syncedCard: '111', disabledBySync: false })], new Map([['111', 'ada']]));
    expect(syncPlanCounts(plan)).toEqual({ created: 0, updated: 0, adopted: 0, cardsSet: 0, keptSelfService: 0, cardConflicts: 0, usernameConflicts: 0, beingImported: 0, disabled: 0, enabled: 0, unchanged: 1 });
  });
});
