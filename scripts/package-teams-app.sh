#!/usr/bin/env bash
# Builds the Teams app package to upload: manifests/teams with your host and your bot's app id filled in, zipped
# with its two icons and its Swedish texts. Usage: scripts/package-teams-app.sh https://bot.example.com <microsoft-app-id> [out.zip]
set -euo pipefail
url=${1:-}
app_id=${2:-}
out=${3:-onetimebot-teams.zip}
if [[ ! "$url" =~ ^https://[A-Za-z0-9.-]+(:[0-9]+)?/?$ ]]; then
  echo "usage: $0 https://your-host <microsoft-app-id> [out.zip]  (the host's public https URL, no path)" >&2
  exit 2
fi
if [[ ! "$app_id" =~ ^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$ ]]; then
  echo "the app id must be the Azure bot's Microsoft App ID, a GUID" >&2
  exit 2
fi
url=${url%/}
host=${url#https://}
host=${host%%:*}
repo=$(cd "$(dirname "$0")/.." && pwd)

if ! command -v zip >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq zip >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed -e "s#https://onetimebot.example.com#$url#g" \
    -e "s#\"onetimebot.example.com\"#\"$host\"#g" \
    -e "s#00000000-0000-4000-8000-000000000000#$app_id#g" \
    "$repo/manifests/teams/manifest.json" > "$work/manifest.json"
cp "$repo/manifests/teams/color.png" "$repo/manifests/teams/outline.png" "$repo/manifests/teams/sv.json" "$work/"
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")
rm -f "$out"
(cd "$work" && zip -q -X "$out" manifest.json color.png outline.png sv.json)
echo "Teams app package: $out (upload it in Teams: Apps, Manage your apps, Upload an app)"
