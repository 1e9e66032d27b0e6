import type { Reporter, TestModule } from 'vitest/node';

// CI reads the plain closing line "N passed, N failed"; vitest's own summary uses another form.
export default class SummaryReporter implements Reporter {
  private line = '';

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const testModule of testModules) {
      const tests = [...testModule.children.allTests()];
      for (const test of tests) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (tests.length === 0 && testModule.state() === 'failed') failed++;
    }
    failed += unhandledErrors.length;
    this.line = `Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`;
    // A skipped test is a failure to report, not a pass: the run fails while any is skipped.
    if (skipped > 0) process.exitCode = 1;
    process.once('beforeExit', () => this.flush());
    process.once('exit', () => this.flush());
  }

  onFinished(): void {
    this.flush();
  }

  private flush(): void {
    if (this.line) {
      process.stdout.write(`${this.line}\n`);
      this.line = '';
    }
  }
}
