#!/bin/sh
# run-if-installed.sh
#
# Copyright 2026 The Touchpoint developers
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a validator, or skips the test (exit 77) when it is not installed.
#   run-if-installed.sh TOOL [ARGUMENT…]

tool="$1"
if ! command -v "$tool" >/dev/null 2>&1; then
  echo "$tool is not installed: skipped"
  exit 77
fi
echo "$*"
exec "$@"
