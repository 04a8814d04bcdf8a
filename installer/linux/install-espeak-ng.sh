#!/usr/bin/env bash
# Installs espeak-ng, the second synthetic voice the speech accuracy test (HeldOutAccuracyTest) and
# `switchboard bench speech` measure the recogniser with. Exit 0 when espeak-ng runs afterwards, 2 when it
# cannot be installed here (not root, or no apt-get): the caller skips the espeak-ng part and says why.
set -euo pipefail
if command -v espeak-ng >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "install-espeak-ng.sh: installing espeak-ng (Debian package) for the speech accuracy test"
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq espeak-ng) >/dev/null
  command -v espeak-ng >/dev/null 2>&1 && exit 0
fi
echo "install-espeak-ng.sh: espeak-ng is not installed and cannot be installed here; run as root: apt-get install espeak-ng" >&2
exit 2
