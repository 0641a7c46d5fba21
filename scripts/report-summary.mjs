#!/usr/bin/env node
// Prints one "N passed, M failed[, K skipped][, F test file(s) failed]" line summed over vitest JSON reports (reports/vitest.json unless
// named); fails when a report is missing (its run did not reach vitest), a test failed or was skipped, or no
// test ran. Each report's own counts go to stderr first, worded so that only the last line reads as the total.
import { existsSync, readFileSync } from 'node:fs';

const files = process.argv.length > 2 ? process.argv.slice(2) : ['reports/vitest.json'];
let passed = 0;
let failed = 0;
let skipped = 0;
let filesFailed = 0;
let broken = false;
for (const file of files) {
  if (!existsSync(file)) {
    // Counted as a failure, so the closing line never reads as a clean run when a whole run is missing.
    console.error(`${file}: no test report: its run did not reach vitest (counted as 1 failed)`);
    failed += 1;
    broken = true;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const own = {
    passed: report.numPassedTests ?? 0,
    failed: report.numFailedTests ?? 0,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
  passed += own.passed;
  failed += own.failed;
  skipped += own.skipped;
  if (files.length > 1) console.error(`${file}: passed ${own.passed}, failed ${own.failed}, skipped ${own.skipped}`);
  // A file whose hook or import failed has no failed test, yet failed.
  filesFailed += (report.testResults ?? []).filter((result) => result.status === 'failed').length;
  if (own.passed === 0 || report.success === false) broken = true;
}
const extra = `${skipped ? `, ${skipped} skipped` : ''}${filesFailed ? `, ${filesFailed} test file(s) failed` : ''}`;
console.log(`${passed} passed, ${failed} failed${extra}`);
if (broken || failed > 0 || skipped > 0 || filesFailed > 0) process.exit(1);
