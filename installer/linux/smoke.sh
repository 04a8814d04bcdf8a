#!/usr/bin/env bash
# Starts a packaged Switchboard offline under a virtual display and runs its self-check:
# opens the window, opens a fresh database, writes and verifies an event-log entry, exits 0.
# The packaged launcher carries its own runtime; PATH and JAVA_HOME are cleared to prove it.
set -euo pipefail
launcher="${1:?usage: smoke.sh PATH/TO/bin/Switchboard}"
[ -x "$launcher" ] || { echo "smoke.sh: no launcher at $launcher" >&2; exit 2; }
# What a desktop PC already has: an X display (here a virtual one) and GTK 3, which JavaFX's glass uses.
missing=()
command -v xvfb-run >/dev/null 2>&1 || missing+=(xvfb xauth)
ldconfig -p 2>/dev/null | grep -q 'libgtk-3.so.0' || missing+=(libgtk-3-0 libxtst6 libgl1)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "smoke.sh: installing ${missing[*]} (Debian packages) for the headless display"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >/dev/null
  else
    echo "smoke.sh: needs ${missing[*]} (apt-get install ...), or build with -DskipPackage" >&2
    exit 2
  fi
fi
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
xvfb_run="$(command -v xvfb-run)"
env -i HOME="$data" PATH=/usr/bin:/bin "$xvfb_run" -a -s "-screen 0 1280x800x24" \
  timeout 120 "$launcher" --data-dir "$data/switchboard" --smoke
echo "smoke.sh: packaged app passed its smoke check"
