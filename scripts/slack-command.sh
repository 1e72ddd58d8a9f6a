#!/usr/bin/env bash
# Sends /onetime <text> to a running OneTimeBot as Slack would: form-encoded and signed with the app's signing secret.
# Usage: scripts/slack-command.sh "share my secret" [host-url]
# The secret is $SLACK_SIGNING_SECRET, else the one Development generated in src/OneTimeBot.Host/data/slack-signing-secret.
# Prints the JSON reply (the private card), exactly as Slack would receive it.
set -euo pipefail
text=${1:-help}
host=${2:-http://localhost:3978}
repo=$(cd "$(dirname "$0")/.." && pwd)
secret=${SLACK_SIGNING_SECRET:-}
if [ -z "$secret" ]; then
  file="$repo/src/OneTimeBot.Host/data/slack-signing-secret"
  [ -r "$file" ] || { echo "No SLACK_SIGNING_SECRET and no $file: start the host with 'dotnet run --project src/OneTimeBot.Host' first." >&2; exit 1; }
  secret=$(cat "$file")
fi

urlencode() {
  local s=$1 out= c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case "$c" in
      [a-zA-Z0-9.~_-]) out+=$c ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

body="team_id=T0LOCAL&team_domain=local&channel_id=C0LOCAL&channel_name=local&user_id=U0LOCAL&user_name=you"
body+="&command=%2Fonetime&text=$(LC_ALL=C urlencode "$text")&api_app_id=A0LOCAL&trigger_id=local.$(date +%s%N)"
ts=$(date +%s)
signature="v0=$(printf 'v0:%s:%s' "$ts" "$body" | openssl dgst -sha256 -hmac "$secret" | sed 's/^.* //')"
curl -fsS "$host/slack/commands" \
  -H "Content-Type: application/x-www-form-urlencoded" \
  -H "X-Slack-Request-Timestamp: $ts" \
  -H "X-Slack-Signature: $signature" \
  --data-binary "$body"
echo
