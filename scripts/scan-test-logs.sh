#!/usr/bin/env bash
# The leak scan of a whole test run: searches every log line any test host wrote for every secret, passphrase and
# generated value that reached a secret service during the run (both recorded by tests/OneTimeBot.Testing's
# TestRunLedger into the folder given). Fails, naming each leak, if any is found.
# Usage: scripts/scan-test-logs.sh <ledger folder> | --self-test
set -euo pipefail

# Shorter values are words a log says for its own reasons ("help", "abc"); each test still checks its own.
min=8

scan() {
  local folder=$1 patterns
  patterns=$(mktemp)
  cat "$folder"/secrets-*.txt 2>/dev/null | awk -v min="$min" 'length($0) >= min' | sort -u >"$patterns" || true
  local secrets lines shorter leaks
  secrets=$(wc -l <"$patterns")
  shorter=$(cat "$folder"/secrets-*.txt 2>/dev/null | awk -v min="$min" 'length($0) > 0 && length($0) < min' | sort -u | wc -l)
  lines=$(cat "$folder"/logs-*.txt 2>/dev/null | wc -l)
  if [ "$secrets" -eq 0 ] || [ "$lines" -eq 0 ]; then
    echo "leak scan: nothing to scan ($secrets secrets, $lines log lines): was $folder filled by the tests?"
    rm -f "$patterns"
    return 2
  fi
  if leaks=$(cat "$folder"/logs-*.txt | grep -F -o -f "$patterns" | sort | uniq -c); then
    echo "leak scan: FAILED: $(echo "$leaks" | wc -l) of $secrets secrets appear in the test run's logs:"
    echo "$leaks" | sed -E 's/^ *([0-9]+) (.{0,4}).*/  \2… (in \1 log lines)/'
    rm -f "$patterns"
    return 1
  fi
  echo "leak scan: $secrets secrets, passphrases and generated values ($shorter shorter than $min characters left to their own tests) in none of $lines log lines"
  rm -f "$patterns"
}

if [ "${1:-}" = "--self-test" ]; then
  # The scan must find a planted leak, or its silence proves nothing.
  planted=$(mktemp -d)
  printf 'hunter2-but-longer\ncorrect horse battery staple\n' >"$planted/secrets-self.txt"
  printf 'Information Host started\nWarning Sharing failed for correct horse battery staple\n' >"$planted/logs-self.txt"
  found=0
  scan "$planted" >/dev/null || found=$?
  if [ "$found" -ne 1 ]; then
    echo "leak scan: the self-test's planted leak was not found"
    rm -rf "$planted"
    exit 1
  fi
  rm -rf "$planted"
  exit 0
fi

scan "${1:?usage: scan-test-logs.sh <ledger folder> | --self-test}"
