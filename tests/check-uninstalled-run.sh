#!/bin/sh
# The editor run from the build folder as the README says, through
# BUILD/touchpoint-uninstalled, finds its settings schema and so keeps
# the style, the window's size and the export choices; run directly,
# without the schema, it says that they will not be kept.
#
#   check-uninstalled-run.sh BUILD/touchpoint-uninstalled BUILD/src/touchpoint SAMPLE
#
# Needs a display (exit 77, skipped, without one).

script=$1
program=$2
sample=$3

if [ -z "$DISPLAY" ] && [ -z "$WAYLAND_DISPLAY" ]; then
  echo "no display"
  exit 77
fi

log=$(mktemp)
state=$(mktemp -d)
trap 'rm -rf "$log" "$state"' EXIT

# Runs "$@" until it writes a line about the schema (at most 20 s times
# TOUCHPOINT_TEST_TIMEOUT_FACTOR, by the clock: a busy machine makes a
# start take seconds), then ends it; the line is in $log.
# Each run has a session bus of its own: on a shared one, a Touchpoint
# that another test started (or the previous run, still leaving the bus)
# would take the file over, and this one would exit without a word.
# setsid makes the run a process group, ended whole.
run_until_said () {
  env -u GSETTINGS_SCHEMA_DIR G_MESSAGES_DEBUG=Touchpoint GSETTINGS_BACKEND=memory \
    XDG_STATE_HOME="$state" setsid dbus-run-session -- "$@" "$sample" >"$log" 2>&1 &
  pid=$!
  started=$(date +%s)
  deadline=$(($(date +%s) + 20 * ${TOUCHPOINT_TEST_TIMEOUT_FACTOR:-1}))
  while [ "$(date +%s)" -lt "$deadline" ] && ! grep -q "settings schema\|Settings schema" "$log"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  kill -TERM "-$pid" 2>/dev/null
  end=$(($(date +%s) + 5))
  while kill -0 "$pid" 2>/dev/null && [ "$(date +%s)" -lt "$end" ]; do
    sleep 0.1
  done
  kill -KILL "-$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  echo "# $1 ran for $(($(date +%s) - started)) s"
}

status=0

run_until_said "$script"
if grep -q "Settings schema io.github.touchpoint.Touchpoint found" "$log"; then
  echo "ok: $script finds the settings schema"
else
  echo "FAIL: $script does not find the settings schema:"
  cat "$log"
  status=1
fi

run_until_said "$program"
if grep -q "settings schema io.github.touchpoint.Touchpoint is not installed" "$log"; then
  echo "ok: $program without the schema says that settings are not kept"
else
  echo "FAIL: $program without the schema does not say so:"
  cat "$log"
  status=1
fi

exit $status
