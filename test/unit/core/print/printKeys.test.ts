import { configKeyDefinition, describeRange, parseKeyValue } from '../../../../src/core/index.js';

describe('print release configuration keys', () => {
  test('have the issue\'s defaults and ranges', () => {
    expect(configKeyDefinition('print.held-job-timeout-minutes')).toMatchObject({ type: 'integer', default: 240, min: 1 });
    expect(configKeyDefinition('print.release-all-on-login')).toMatchObject({ type: 'boolean', default: false });
    expect(configKeyDefinition('print.logout-after-release-seconds')).toMatchObject({ type: 'integer', default: 10, min: 0 });
  });

  test('a bad value is refused naming the key and the range', () => {
    const key = configKeyDefinition('print.held-job-timeout-minutes');
    expect(parseKeyValue(key, '0')).toEqual({ ok: false, error: `Invalid value "0" for print.held-job-timeout-minutes: expected ${describeRange(key)}.` });
  });
});
