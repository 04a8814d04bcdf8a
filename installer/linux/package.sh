#!/usr/bin/env bash
# Builds the Switchboard app-image (and, when asked, a .deb) with the jpackage of a JDK 21+.
# Called by Maven from app/ in the verify phase; by hand: (cd app && ../installer/linux/package.sh "app-image deb").
# The JDK comes from TOOLCHAIN_JAVA_HOME (set by Maven's toolchain), else JAVA_HOME.
set -euo pipefail
types="${1:-app-image}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jdk="${TOOLCHAIN_JAVA_HOME:-${JAVA_HOME:-}}"
if [ -z "$jdk" ] || [ ! -x "$jdk/bin/jpackage" ]; then
  echo "package.sh: no jpackage under TOOLCHAIN_JAVA_HOME/JAVA_HOME ('$jdk'); a JDK 21+ is required." >&2
  exit 2
fi
[ -f target/jpackage.cfg ] || { echo "package.sh: run from app/ after 'mvn package' (target/jpackage.cfg missing)" >&2; exit 2; }
rm -rf target/jpackage
for type in $types; do
  echo "package.sh: building $type with $jdk/bin/jpackage"
  case "$type" in
    app-image)
      "$jdk/bin/jpackage" @target/jpackage.cfg --type app-image --icon "$here/../icons/switchboard.png"
      ;;
    deb)
      if ! command -v dpkg-deb >/dev/null || ! command -v fakeroot >/dev/null; then
        echo "package.sh: a .deb needs dpkg-deb and fakeroot (apt-get install fakeroot)" >&2; exit 2
      fi
      "$jdk/bin/jpackage" @target/jpackage.cfg @"$here/jpackage-linux.cfg" --type deb \
        --icon "$here/../icons/switchboard.png"
      ;;
    *) echo "package.sh: unknown package type '$type'" >&2; exit 2 ;;
  esac
done
ls -1 target/jpackage
