import { jobBelongsTo } from '../../../../src/core/index.js';

describe('a job belongs to a user when its originating user name is theirs', () => {
  test.each([
    ['ada', 'ada'],
    ['ADA', 'ada'],
    ['CORP\\ada', 'ada'],
    ['corp\\Ada', 'ADA'],
    ['ada@corp.example', 'ada'],
    ['Ada@CORP', 'ada'],
  ])('%s is %s\'s', (owner, username) => {
    expect(jobBelongsTo(owner, username)).toBe(true);
  });

  test.each([
    ['adam', 'ada'],
    ['ad', 'ada'],
    ['bob', 'ada'],
    ['ada\\bob', 'ada'],
    ['bob@ada', 'ada'],
    ['', ''],
    ['CORP\\', ''],
  ])('%s is not %s\'s', (owner, username) => {
    expect(jobBelongsTo(owner, username)).toBe(false);
  });
});
