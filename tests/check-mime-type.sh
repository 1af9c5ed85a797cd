#!/bin/sh
# check-mime-type.sh
#
# Copyright 2026 The Touchpoint developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs the MIME type into a scratch data directory and checks that GIO
# then names a .bpj file application/x-service-blueprint+json, a kind of
# application/json, with the document icon.
#   check-mime-type.sh MIME_XML

set -u
mime_xml="$1"
type=application/x-service-blueprint+json

for tool in update-mime-database gio; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "$tool is not installed: skipped"
    exit 77
  fi
done

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/share/mime/packages" "$scratch/home"
cp "$mime_xml" "$scratch/share/mime/packages/"
XDG_DATA_DIRS="$scratch/share" update-mime-database "$scratch/share/mime" || exit 1
printf '{ "format": "bpj", "version": 1, "title": "Test" }\n' >"$scratch/test.bpj"

system_dirs="${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
query () {
  XDG_DATA_HOME="$scratch/home" XDG_DATA_DIRS="$1" \
    gio info -a "$2" "$scratch/test.bpj" | sed -n "s/^ *$2: //p"
}

status=0
fail () {
  echo "FAIL: $*"
  status=1
}

# Without the package the file is some other type: the match below is ours.
before=$(query "$system_dirs" standard::content-type)
echo "without the package: $before"
[ "$before" != "$type" ] || fail "$type is already known without the package"

after=$(query "$scratch/share:$system_dirs" standard::content-type)
echo "with the package: $after"
[ "$after" = "$type" ] || fail "content type is '$after', not $type"

icons=$(query "$scratch/share:$system_dirs" standard::icon)
echo "icons: $icons"
case "$icons" in
  application-x-service-blueprint+json,*) ;;
  *) fail "the document icon does not come first" ;;
esac
case "$icons" in
  *x-office-drawing*) ;;
  *) fail "the generic icon x-office-drawing is missing" ;;
esac

grep -qx "$type application/json" "$scratch/share/mime/subclasses" ||
  fail "$type is not a sub-class of application/json"
grep -qx "$type:\*\.bpj" "$scratch/share/mime/globs" ||
  fail "no *.bpj glob for $type"

exit $status
