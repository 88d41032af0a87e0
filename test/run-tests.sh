#!/usr/bin/env bash
# The test command (npm test): type-check everything, run every jest suite, and end with the plain
# line "N passed, N failed" from jest's own JSON summary, so a run that executed no test shows.
set -uo pipefail
cd "$(dirname "$0")/.."

echo "Type-checking"
npx tsc -p tsconfig.json --noEmit || { echo "0 passed, 1 failed"; echo "Type-check failed" >&2; exit 1; }

results=$(mktemp)
trap 'rm -f "$results"' EXIT
# A handle a library leaves open after its suite (a closing Redis or BullMQ connection) once kept a
# run in band waiting after its summary, and CI with it; the suites now run in two workers or more
# (jest.config.js), and --forceExit still ends the run once the results are written.
npx jest --json --forceExit --outputFile="$results" "$@"
status=$?

node -e '
  const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
  const skipped = r.numPendingTests + r.numTodoTests;
  // A suite can fail outside its tests (it cannot load, a hook throws or times out): each counts as one failure.
  const suitesFailedOutsideTests = r.testResults.filter((suite) => suite.status === "failed" && !suite.assertionResults.some((test) => test.status === "failed")).length;
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests + suitesFailedOutsideTests} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (r.numTotalTests === 0) { console.error("No test ran"); process.exit(1); }
' "$results" || exit 1
exit $status
