#!/usr/bin/env bash
# Checks the systemd units in this directory with `systemd-analyze verify`, without installing anything:
# the units are copied to a temporary directory with ExecStart's /opt/appealbot/AppealBot pointed at
# /bin/true (verify insists that the program exists). Run: bash deploy/verify-unit.sh
# systemd-analyze exits 0 even for unknown keys or unparsable values, so any message about one of our
# units counts as a failure too. Exits 0 (with a clear message) when systemd-analyze is not installed.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
units=(appealbot.service appealbot-backup.service appealbot-backup.timer)

if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "verify-unit.sh: SKIPPED: systemd-analyze is not installed (apt-get install systemd)." >&2
    exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for unit in "${units[@]}"; do
    sed 's|/opt/appealbot/AppealBot|/bin/true|g' "$here/$unit" > "$tmp/$unit"
done

status=0
(cd "$tmp" && systemd-analyze verify --man=no "${units[@]/#/./}") > "$tmp/verify.log" 2>&1 || status=$?

if [[ -s "$tmp/verify.log" ]]; then
    sed "s|$tmp/||g" "$tmp/verify.log" >&2
fi
pattern=$(IFS='|'; echo "${units[*]}")
if (( status != 0 )) || grep -Eq "$pattern" "$tmp/verify.log"; then
    echo "verify-unit.sh: FAILED (systemd-analyze verify exit code $status)." >&2
    exit 1
fi
echo "verify-unit.sh: OK: ${units[*]} ($(systemd-analyze --version | head -n 1))"
