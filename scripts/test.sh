#!/usr/bin/env bash
# `npm test`: the whole suite (unit, API on Kùzu — and Neo4j when NEO4J_URI is set — and browser tests).
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "npm test: the browser tests need Debian's chromium: run 'apt-get install -y chromium' (as root) first" >&2
  exit 1
fi
report="$(mktemp -d)/vitest.json"
npx vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@"
status=$?
node scripts/test-summary.mjs "$report"
exit $status
