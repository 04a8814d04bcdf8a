#!/usr/bin/env bash
# Builds the Switchboard app-image (and, when asked, a .deb of that same image) with the jpackage of a JDK 21+.
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
name="$(sed -n 's/^--name //p' target/jpackage.cfg)"
image="target/jpackage/$name"
# The class-data archive below is valid only with jars of the size and modification time it was made with. The
# image's jars get this time before it is made, and the .deb's copies get it back from dpkg-deb, which clamps every
# file's time to SOURCE_DATE_EPOCH (jpackage's copy of the image would otherwise carry the time of the copy).
stamp="${SOURCE_DATE_EPOCH:-$(date +%s)}"

# The window of the source launcher starts from a class-data archive of its own earlier starts (about a third less
# start-up CPU); the app-image gets one made here, once: the image is started with -XX:ArchiveClassesAtExit and
# exits when its login window is usable (--measure-startup), under a virtual display. Without xvfb-run, a headless
# command (db check on a scratch data dir) makes a smaller archive. The launcher's Switchboard.cfg then maps it
# through $APPDIR, so the image may be moved (a .deb installs it to /opt); an archive that does not validate is
# skipped silently by the JVM. If none can be made, the image works without one.
archive_classes() {
  local jsa="$image/lib/app/switchboard.jsa" cfg="$image/lib/app/$name.cfg" log="target/jpackage-archive.log"
  local work
  work="$(mktemp -d)"
  find "$image/lib/app" -name '*.jar' -exec touch -d "@$stamp" {} +
  local run=(env -i HOME="$work" PATH=/usr/bin:/bin JAVA_TOOL_OPTIONS="-XX:ArchiveClassesAtExit=$PWD/$jsa")
  local what="the login window"
  if command -v xvfb-run >/dev/null 2>&1; then
    "${run[@]}" "$(command -v xvfb-run)" -a -s "-screen 0 1280x800x24" \
      timeout 120 "$image/bin/$name" --data-dir "$work/data" --measure-startup >"$log" 2>&1 || true
  else
    what="a headless command (no xvfb-run)"
    "${run[@]}" timeout 120 "$image/bin/$name" --data-dir "$work/data" db check >"$log" 2>&1 || true
  fi
  # -Xshare:on refuses to start unless the archive maps: proof that it is usable before the launcher relies on it.
  if [ -s "$jsa" ] && env -i HOME="$work" PATH=/usr/bin:/bin JAVA_TOOL_OPTIONS="-XX:SharedArchiveFile=$PWD/$jsa \
      -Xshare:on" "$image/bin/$name" --data-dir "$work/data" --version >>"$log" 2>&1; then
    # VerifySharedSpaces checks the archive's checksum (about 50 ms): a damaged file is then skipped like one that
    # does not validate, where it would crash the JVM at every start.
    local options
    options="java-options=-XX:SharedArchiveFile=\$APPDIR/switchboard.jsa"$'\n'"java-options=-XX:+VerifySharedSpaces"
    options+=$'\n'"java-options=-Xlog:cds=off"$'\n'"java-options=-Xlog:cds+dynamic=off"
    # Appended to the [JavaOptions] section, wherever it is in the file.
    awk -v add="$options" '
      /^\[/ { if (inside) { print add; done = 1 } inside = ($0 == "[JavaOptions]") }
      { print }
      END { if (inside && !done) print add }' "$cfg" >"$cfg.new" && mv "$cfg.new" "$cfg"
    echo "package.sh: class-data archive of $what: $jsa ($(du -m "$jsa" | cut -f1) MB)"
  else
    rm -f "$jsa"
    echo "package.sh: warning: no class-data archive for the app-image (it starts without one); see app/$log" >&2
  fi
  rm -rf "$work"
}

rm -rf target/jpackage
echo "package.sh: building app-image with $jdk/bin/jpackage"
"$jdk/bin/jpackage" @target/jpackage.cfg --type app-image --icon "$here/../icons/switchboard.png"
archive_classes
for type in $types; do
  case "$type" in
    app-image) ;;
    deb)
      if ! command -v dpkg-deb >/dev/null || ! command -v fakeroot >/dev/null; then
        echo "package.sh: a .deb needs dpkg-deb and fakeroot (apt-get install fakeroot)" >&2; exit 2
      fi
      echo "package.sh: building deb of $image with $jdk/bin/jpackage"
      # The package holds the image built above, archive included; only the package's own options apply then.
      grep -E '^--(name|app-version|vendor|description|copyright|dest) ' target/jpackage.cfg >target/jpackage-package.cfg
      SOURCE_DATE_EPOCH="$stamp" "$jdk/bin/jpackage" @target/jpackage-package.cfg @"$here/jpackage-linux.cfg" \
        --type deb --app-image "$image" --icon "$here/../icons/switchboard.png"
      ;;
    *) echo "package.sh: unknown package type '$type'" >&2; exit 2 ;;
  esac
done
ls -1 target/jpackage
