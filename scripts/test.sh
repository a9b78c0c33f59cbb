#!/usr/bin/env bash
# The README's test command (`npm test`): format, lint, types, unit, integration on PGlite and
# PostgreSQL, a production build, and Playwright e2e in Debian's Chromium.
# Outside CI a missing PostgreSQL or Chromium is reported loudly as SKIPPED; with CI=true it fails.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
export TEST_DATABASE_URL=${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
RESULTS=.reports
rm -rf "$RESULTS" && mkdir -p "$RESULTS"
skipped_suites=()

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
missing() { # missing WHAT WHY
  if [ "${CI:-}" = "true" ]; then
    echo "FAILED: $1 is required in CI: $2" >&2
    exit 1
  fi
  printf '\n\033[1;33m!! SKIPPED: %s — %s\033[0m\n' "$1" "$2" >&2
  skipped_suites+=("$1")
}

step "typed REST client types (generated from the schemas, not checked in)"
npm run --silent openapi:types

step "format (prettier --check)"
npx prettier --check . --log-level warn

step "lint (eslint)"
npx eslint --max-warnings 0 .

step "layers and cycles (dependency-cruiser, .dependency-cruiser.cjs)"
npm run --silent lint:layers

step "unused files, exports and dependencies (knip)"
npx knip

step "typecheck (tsc --strict)"
npx tsc --noEmit

step "unit tests"
npx vitest run --project unit --reporter=default --reporter=json --outputFile="$RESULTS/unit.json"

step "integration tests on PGlite"
npx vitest run --project pglite --reporter=default --reporter=json --outputFile="$RESULTS/pglite.json"

step "integration tests on PostgreSQL ($TEST_DATABASE_URL)"
if node -e '
  const sql = require("postgres")(process.env.TEST_DATABASE_URL, { max: 1, connect_timeout: 5, onnotice: () => {} });
  sql`select 1`.then(() => sql.end().then(() => process.exit(0)), () => process.exit(1));' 2>/dev/null; then
  npx vitest run --project postgres --reporter=default --reporter=json --outputFile="$RESULTS/postgres.json"
else
  missing "PostgreSQL integration suite" "no PostgreSQL answers at $TEST_DATABASE_URL"
fi

step "production build"
npx next build

step "end-to-end tests (Playwright, $CHROMIUM_PATH)"
if [ -x "$CHROMIUM_PATH" ]; then
  PLAYWRIGHT_JSON_OUTPUT_NAME="$RESULTS/e2e.json" npx playwright test --reporter=list,json
else
  missing "Playwright e2e suite" "no Chromium at $CHROMIUM_PATH (apt-get install -y chromium)"
fi

node scripts/test-summary.mjs "$RESULTS"
if [ ${#skipped_suites[@]} -gt 0 ]; then
  printf '\n\033[1;33m!! %d suite(s) SKIPPED: %s\033[0m\n' "${#skipped_suites[@]}" "${skipped_suites[*]}" >&2
fi
