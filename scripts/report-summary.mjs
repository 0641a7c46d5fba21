#!/usr/bin/env node
// Prints "N passed, M failed[, K skipped]" from a vitest JSON report; fails when no test ran.
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'reports/vitest.json';
if (!existsSync(file)) {
  console.log('0 passed, 0 failed');
  console.error(`no test report at ${file}: the test run did not reach vitest`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, 'utf8'));
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
if (report.numFailedTestSuites > 0) console.error(`${report.numFailedTestSuites} test file(s) failed to run`);
if (passed === 0 || failed > 0 || skipped > 0 || report.success === false) process.exit(1);
