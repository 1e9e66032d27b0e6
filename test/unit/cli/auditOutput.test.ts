import { maskCardNumber } from '../../../src/central/services/userWebAccount.js';
import { cardEnding } from '../../../src/core/index.js';
import { fromCentralAudit, mergeAudit, type ShownAuditEvent } from '../../../src/cli/output/auditOutput.js';
import type { CentralAuditEvent } from '../../../src/central/services/centralAudit.js';

function central(at: number, details: CentralAuditEvent['details'], actor: string | null = null): CentralAuditEvent {
  return { id: `c${at}`, at, kind: 'card.self-associate', outcome: 'success', userId: null, username: 'ada', kioskId: null, actor, code: null, details };
}

describe('audit lines of the embedded central store (issue 15 item 12)', () => {
  it('show a Card/ID number the central store masked exactly as the kiosk masks it, never more of it', () => {
    for (const number of ['7001', '70012', '7001234', '00045213', '0004521337', '1'.repeat(32)]) {
      expect({ number, shown: fromCentralAudit(central(1, { card: maskCardNumber(number)! })).details.card }).toEqual({ number, shown: cardEnding(number) });
    }
    // Where the central store shows fewer digits than the kiosk would, the fewer.
    expect(fromCentralAudit(central(1, { card: maskCardNumber('123456')! })).details.card).toBe('…56');
  });

  it('name who acted as `by`, as the kiosk writes it', () => {
    expect(fromCentralAudit(central(1, { key: 'pin.min-length' }, 'cli')).details).toEqual({ key: 'pin.min-length', by: 'cli' });
    expect(fromCentralAudit(central(1, { step: 'link' })).details).toEqual({ step: 'link' });
  });

  it('merge with the kiosk events newest first, the limit counting both', () => {
    const kiosk = (at: number): ShownAuditEvent => ({ ...fromCentralAudit(central(at, {})), id: `k${at}`, kind: 'auth.id' });
    const merged = mergeAudit([kiosk(5), kiosk(2)], [central(4, {}), central(3, {}), central(1, {})].map(fromCentralAudit), 4);
    expect(merged.map((e) => e.id)).toEqual(['k5', 'c4', 'c3', 'k2']);
  });
});
