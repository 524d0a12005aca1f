// Prints the plain closing line CI reads, "vitest: N passed, N failed[, N skipped]", summed over
// every vitest run of `npm test` (one Vitest JSON report per run). Arguments: label=report.json.
// A run whose report is missing (Vitest crashed) counts as one failure.
import fs from 'node:fs';

/** Files that failed without a failing test (import error, failing beforeAll) count once each. */
function brokenFiles(report) {
  return (report.testResults ?? []).filter(
    (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
}

const runs = process.argv.slice(2).map((arg) => {
  const at = arg.indexOf('=');
  const label = arg.slice(0, at);
  const file = arg.slice(at + 1);
  if (!fs.existsSync(file)) return { label, passed: 0, failed: 1, skipped: 0, missing: true };
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  return {
    label,
    passed: r.numPassedTests ?? 0,
    failed: (r.numFailedTests ?? 0) + brokenFiles(r),
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
    missing: false,
  };
});

const sum = (key) => runs.reduce((n, r) => n + r[key], 0);
if (runs.length > 1) {
  // Per-run lines use other words, so the closing line below is the only "N passed, N failed" line.
  for (const r of runs) {
    console.log(r.missing ? `  ${r.label}: no report (vitest did not finish)` : `  ${r.label}: ${r.passed} ok, ${r.failed} failing, ${r.skipped} skipped`);
  }
}
const skipped = sum('skipped');
console.log(`vitest: ${sum('passed')} passed, ${sum('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
