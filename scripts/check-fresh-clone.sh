#!/usr/bin/env bash
# Clones this repository into a temporary folder and runs the README's quick-start commands exactly as written:
# the run command must bring up a host that answers /healthz and a signed slash command; the test command must pass (skip it with --skip-tests
# when the caller has just run it, as CI has).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
skip_tests=false
[ "${1:-}" = "--skip-tests" ] && skip_tests=true

# The two commands are the fenced code blocks of the README's "Quick start" section, in order.
mapfile -t commands < <(awk '
  /^## / { in_section = ($0 == "## Quick start") }
  in_section && /^```/ { in_block = !in_block; next }
  in_section && in_block && NF { print }
' "$repo/README.md")
if [ ${#commands[@]} -ne 2 ]; then
  echo "fresh-clone check: expected exactly two quick-start commands in README.md, found ${#commands[@]}" >&2
  exit 1
fi
run_command=${commands[0]}
test_command=${commands[1]}

if ! command -v curl >/dev/null 2>&1 || ! command -v openssl >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq curl openssl >/dev/null
fi

work=$(mktemp -d)
host_pid=
cleanup() {
  [ -n "$host_pid" ] && kill -- "-$host_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

git clone --quiet "$repo" "$work/clone"
cd "$work/clone"
echo "fresh-clone check: in $work/clone"

echo "fresh-clone check: \$ $run_command"
setsid bash -c "$run_command" >"$work/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 180); do
  if curl -fsS http://localhost:3978/healthz >/dev/null 2>&1; then break; fi
  if ! kill -0 "$host_pid" 2>/dev/null; then echo "fresh-clone check: the host exited:" >&2; cat "$work/host.log" >&2; exit 1; fi
  sleep 1
done
health=$(curl -fsS http://localhost:3978/healthz) || { echo "fresh-clone check: no answer on /healthz" >&2; cat "$work/host.log" >&2; exit 1; }
echo "fresh-clone check: /healthz -> $health"
# A signed slash command, as Slack would send it, answered with a private card.
card=$(scripts/slack-command.sh "share fresh-clone check") || { echo "fresh-clone check: the slash command failed" >&2; cat "$work/host.log" >&2; exit 1; }
case "$card" in
  *'"response_type":"ephemeral"'*'One-time link'*) echo "fresh-clone check: /onetime share -> a private card with a one-time link" ;;
  *) echo "fresh-clone check: unexpected slash command reply: $card" >&2; exit 1 ;;
esac
case "$card" in *"fresh-clone check"*) echo "fresh-clone check: the card contains the secret" >&2; exit 1 ;; esac
kill -- "-$host_pid" 2>/dev/null || true
wait "$host_pid" 2>/dev/null || true
host_pid=

if [ "$skip_tests" = false ]; then
  echo "fresh-clone check: \$ $test_command"
  bash -c "$test_command"
fi
echo "fresh-clone check: passed"
