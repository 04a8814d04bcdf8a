#!/usr/bin/env bash
# Starts a packaged Switchboard offline under a virtual display and runs its self-check:
# opens the window, opens a fresh database, writes and verifies an event-log entry, exits 0.
# The packaged launcher carries its own runtime; PATH and JAVA_HOME are cleared to prove it.
set -euo pipefail
launcher="${1:?usage: smoke.sh PATH/TO/bin/Switchboard}"
[ -x "$launcher" ] || { echo "smoke.sh: no launcher at $launcher" >&2; exit 2; }
if ! command -v xvfb-run >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "smoke.sh: installing xvfb (Debian package) for the headless display"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xauth) >/dev/null
  else
    echo "smoke.sh: xvfb-run is needed (apt-get install xvfb), or build with -DskipPackage" >&2
    exit 2
  fi
fi
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
xvfb_run="$(command -v xvfb-run)"
env -i HOME="$data" PATH=/usr/bin:/bin "$xvfb_run" -a -s "-screen 0 1280x800x24" \
  timeout 120 "$launcher" --data-dir "$data/switchboard" --smoke
echo "smoke.sh: packaged app passed its smoke check"
