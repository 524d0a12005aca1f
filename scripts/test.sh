#!/usr/bin/env bash
# `npm test`: the whole suite — unit, store contract, API, saved queries, exports, ingest and
# browser tests — on the embedded Kùzu and, when NEO4J_URI is set, on Neo4j as well.
# NEO4J_LTS_URI (optional, same NEO4J_USER/NEO4J_PASSWORD) runs the store suites (store/) a
# second time on that Neo4j; CI points it at 5.26 LTS. Every run is summed into one closing line,
# `vitest: N passed, N failed[, N skipped]`; the exit code is non-zero if any run failed.
# Test files run in parallel; those using Neo4j share its one database through the harness's
# cross-process lock (server/testing/harness.ts).
set -uo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "npm test: the browser tests need Debian's chromium: run 'apt-get install -y chromium' (as root) first" >&2
  exit 1
fi

# The URI without credentials, for the log.
safe_uri() { printf '%s' "$1" | sed -E 's#(://)[^@/]*@#\1#'; }

if [ -n "${NEO4J_URI:-}" ]; then
  echo "npm test: store-backed tests run on Kùzu and on Neo4j at $(safe_uri "$NEO4J_URI")"
else
  if command -v java >/dev/null 2>&1 && command -v mvn >/dev/null 2>&1; then
    how="start one with 'npm run neo4j' (tools/neo4j/README.md) and set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD"
  else
    how="'npm run neo4j' needs Java 17+ and Maven (missing here), or point NEO4J_URI at any Neo4j"
  fi
  echo "npm test: NEO4J_URI is not set, so every test runs on Kùzu only and the Neo4j half is skipped: $how"
  # The harness and store tests print this once per file otherwise.
  export JEJAK_NEO4J_SKIP_SAID=1
fi

# Kùzu's Node binding runs every query step (BEGIN, the query, COMMIT, close) as a job on
# libuv's pool of 4 threads; a test process holds several stores and their index reads at
# once, and a step waiting inside the engine must never leave the others without a thread.
export UV_THREADPOOL_SIZE="${UV_THREADPOOL_SIZE:-16}"

reports="$(mktemp -d)"
trap 'rm -rf "$reports"' EXIT
status=0
summary=()

npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/main.json" "$@" || status=1
summary+=("all tests${NEO4J_URI:+ (Kùzu + Neo4j)}=$reports/main.json")

# A second Neo4j (another version) for the store suites, only for the whole suite (no file filter).
if [ -n "${NEO4J_LTS_URI:-}" ] && [ $# -eq 0 ]; then
  echo "npm test: store suites (store/) on the second Neo4j at $(safe_uri "$NEO4J_LTS_URI")"
  NEO4J_URI="$NEO4J_LTS_URI" JEJAK_TEST_ENGINES=neo4j \
    npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/lts.json" store/ || status=1
  summary+=("store suites on the second Neo4j=$reports/lts.json")
fi

node scripts/test-summary.mjs "${summary[@]}"
exit $status
