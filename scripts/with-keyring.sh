#!/usr/bin/env bash
# Runs a command against a real Secret Service: a private D-Bus session with a fresh, unlocked
# gnome-keyring whose files live in a temporary folder. The daemon is stopped afterwards (it
# would otherwise keep the session, and the command, from ending).
#   usage: scripts/with-keyring.sh COMMAND [ARGS...]
set -euo pipefail

if [ -z "${KLUIS_IN_KEYRING_SESSION:-}" ]; then
    exec env KLUIS_IN_KEYRING_SESSION=1 dbus-run-session -- "$0" "$@"
fi

tmp=$(mktemp -d)
export XDG_DATA_HOME="$tmp/data" XDG_RUNTIME_DIR="$tmp/run"
mkdir -p "$XDG_DATA_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
before=$(pgrep -x gnome-keyring-d || true)
eval "$(echo -n kluis-test | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
stop() {
    for pid in $(pgrep -x gnome-keyring-d || true); do
        grep -qx "$pid" <<<"$before" || kill "$pid" 2>/dev/null || true
    done
    rm -rf "$tmp"
}
trap stop EXIT
"$@"
