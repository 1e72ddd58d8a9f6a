#!/usr/bin/env bash
# Runs every test of OneTimeBot. Installs what the tests need when it is missing (as root, with apt-get),
# then runs the whole solution's tests and ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")"

# What the tests start for real, as "<command>:<Debian package that provides it>".
requirements=("redis-server:redis-server" "haproxy:haproxy" "node:nodejs" "npm:npm" "zip:zip" "openssl:openssl" "chromium:chromium" "perl:perl" "prometheus:prometheus")
need_apt=()
for requirement in "${requirements[@]}"; do
  command -v "${requirement%%:*}" >/dev/null 2>&1 || need_apt+=("${requirement##*:}")
done
# ICU: replies and pages format dates and numbers in the reader's language (English and Swedish).
ldconfig -p 2>/dev/null | grep 'libicuuc\.so' >/dev/null || need_icu=1
if [ ${#need_apt[@]} -gt 0 ] || [ -n "${need_icu:-}" ]; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  if [ -n "${need_icu:-}" ]; then
    # Debian names the package after ICU's version (libicu72, libicu76): take the one this release has.
    need_apt+=("$(apt-cache search --names-only '^libicu[0-9]+$' | awk '{print $1}' | sort -V | tail -1)")
  fi
  echo "Installing test prerequisites: ${need_apt[*]}"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# npm packages the tests drive (a third-party Onetime Secret client), pinned by the lock file.
for folder in tests/interop; do
  if [ ! -d "$folder/node_modules" ] || [ "$folder/package-lock.json" -nt "$folder/node_modules" ]; then
    echo "Installing npm packages in $folder"
    (cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

log=$(mktemp)
# Every test process records here every line its hosts wrote and every secret, key, link, token and credential it
# used, for the leak scan below.
export ONETIMEBOT_TEST_LEDGER
ONETIMEBOT_TEST_LEDGER=$(mktemp -d)
trap 'rm -rf "$log" "$ONETIMEBOT_TEST_LEDGER"' EXIT
set +e
dotnet test OneTimeBot.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# No value any test used may appear in any log line of the whole run, as written, URL-encoded or JSON-escaped. The
# self-test first proves the scan finds planted leaks, those planted through a real host during the run included.
echo
scan=0
scripts/scan-test-logs.sh --self-test "$ONETIMEBOT_TEST_LEDGER" && scripts/scan-test-logs.sh "$ONETIMEBOT_TEST_LEDGER" || scan=$?

# dotnet test prints one "Failed: N, Passed: N" line per test project; add them up.
totals=$(grep -E '(Passed|Failed)!? +- +Failed: +[0-9]+, +Passed: +[0-9]+' "$log" |
  sed -E 's/.*Failed: +([0-9]+), +Passed: +([0-9]+).*/\1 \2/' |
  awk '{ f += $1; p += $2 } END { printf "%d passed, %d failed", p, f }')
echo
echo "tests: ${totals:-0 passed, 0 failed}"
if [ "$status" -eq 0 ] && [ "$scan" -ne 0 ]; then
  echo "The leak scan failed."
  status=1
fi
exit "$status"
