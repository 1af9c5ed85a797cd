#!/bin/sh
# check-xml.sh
#
# Copyright 2026 The Touchpoint developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checks that every XML file Touchpoint ships is well-formed: the window's
# .ui files, the desktop data and the icons.
#   check-xml.sh SOURCE_ROOT

set -u
root="$1"

if ! command -v xmllint >/dev/null 2>&1; then
  echo "xmllint is not installed: skipped"
  exit 77
fi

list=$(mktemp)
trap 'rm -f "$list"' EXIT
find "$root/src" -name '*.ui' >"$list"
find "$root/data" -path "$root/data/samples" -prune -o \
  \( -name '*.xml' -o -name '*.xml.in' -o -name '*.svg' \) -print >>"$list"

count=$(wc -l <"$list")
if [ "$count" -lt 6 ]; then
  echo "only $count XML files found under $root: wrong source root?"
  exit 1
fi

status=0
while IFS= read -r file; do
  xmllint --noout "$file" || status=1
done <"$list"
echo "$count XML files checked"
exit $status
