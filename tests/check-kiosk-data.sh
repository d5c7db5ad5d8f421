#!/usr/bin/env bash
# check-kiosk-data.sh SOURCE_DIR: the gym kiosk's files in data/kiosk/ hold
# together, read the way a kiosk reads them.
#
# - The dconf database compiles, as "dconf update" would.
# - GSettings, through the dconf back end and a copy of the shipped profile,
#   reads every value in it exactly as written: a value of the wrong type
#   ("90" where the key is uint32) or out of the key's range is silently
#   ignored by GSettings, and dconf itself never notices.
# - Every kiosk-* key of Limber's schema is set there and locked; every lock
#   names a real key, alone on its line, and really locks it; the keys Limber
#   binds to its controls stay writable.
# - The user unit restarts Limber whatever happens; it and the getty drop-in
#   pass "systemd-analyze verify"; the kiosk user's ~/.profile parses.
#
# Exits 77 (skipped) when dconf or its GSettings back end is missing.
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

src=${1:?usage: check-kiosk-data.sh SOURCE_DIR}
kiosk=$src/data/kiosk
unit=$kiosk/limber-kiosk.service
getty_dropin=$kiosk/getty-autologin.conf
dot_profile=$kiosk/dot-profile

failures=0
fail () {
  printf 'FAIL: %s\n' "$*" >&2
  failures=$((failures + 1))
}
note () {
  printf '%s\n' "$*"
}

for tool in dconf gsettings glib-compile-schemas; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    note "SKIP: $tool is not installed (Debian: dconf-cli, libglib2.0-bin)"
    exit 77
  fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The values of KEY in [SECTION] of a unit file, in order, blanks around
# "=" dropped.
unit_values () {
  awk -v section="[$2]" -v key="$3" '
    /^[ \t]*[#;]/ { next }
    /^[ \t]*\[/ { in_section = ($0 == section); next }
    in_section {
      eq = index($0, "=")
      if (eq == 0) next
      name = substr($0, 1, eq - 1); gsub(/^[ \t]+|[ \t]+$/, "", name)
      if (name != key) next
      value = substr($0, eq + 1); gsub(/^[ \t]+|[ \t]+$/, "", value)
      print value
    }
  ' "$1"
}

# The value that counts for a setting given once: the last one.
unit_value () {
  unit_values "$@" | tail -n 1
}

# --- The profile and the database it names ------------------------------

profile_name=$(unit_values "$unit" Service Environment | tr ' ' '\n' | sed -n 's/^DCONF_PROFILE=//p')
if [ -z "$profile_name" ] || [ ! -f "$kiosk/profile/$profile_name" ]; then
  fail "$unit: Environment=DCONF_PROFILE=... does not name a file in data/kiosk/profile/"
  exit 1
fi
profile=$kiosk/profile/$profile_name

db_name=$(sed -n 's/^system-db://p' "$profile")
if [ "$(printf '%s\n' "$db_name" | grep -c .)" -ne 1 ] || [ ! -d "$kiosk/db/$db_name.d" ]; then
  fail "$profile: no single system-db line naming a folder data/kiosk/db/NAME.d"
  exit 1
fi
db_dir=$kiosk/db/$db_name.d

if ! dconf compile "$tmp/db" "$db_dir"; then
  fail "$db_dir does not compile: dconf update would refuse it"
  exit 1
fi
note "ok: $db_dir compiles"

mkdir "$tmp/schemas"
glib-compile-schemas --strict --targetdir="$tmp/schemas" "$src/data"

# The shipped profile, its system database replaced by the compiled file.
sed "s|^system-db:$db_name\$|file-db:$tmp/db|" "$profile" >"$tmp/profile"

export DCONF_PROFILE=$tmp/profile
export XDG_CONFIG_HOME=$tmp/config       # an empty user database
export GSETTINGS_BACKEND=dconf
export GSETTINGS_SCHEMA_DIR=$tmp/schemas

# Without its dconf back end GSettings falls back to memory and would see
# none of this: find out with a database of one locked key.
mkdir -p "$tmp/probe.d/locks"
printf '[app/limber/Limber]\nwindow-width=500\n' >"$tmp/probe.d/probe"
printf '/app/limber/Limber/window-width\n' >"$tmp/probe.d/locks/probe"
dconf compile "$tmp/probe" "$tmp/probe.d"
printf 'file-db:%s\n' "$tmp/probe" >"$tmp/probe.profile"
if [ "$(DCONF_PROFILE=$tmp/probe.profile gsettings get app.limber.Limber window-width 2>/dev/null)" != 500 ]; then
  note "SKIP: GSettings cannot read dconf databases here (Debian: dconf-gsettings-backend)"
  exit 77
fi

# Schema id of each path, from every schema GSettings can see: Limber's
# from the source tree, GTK's where it is installed.
schema_for_dir () {
  gsettings list-schemas --print-paths | awk -v dir="$1" '$2 == dir && !found { print $1; found = 1 }'
}

# Sets dir, key and schema for the key path $1 (described as $2 in
# messages). Without a schema for its folder: false, and a failure for
# Limber's own folder, a note for the others (GTK may not be installed).
find_key () {
  dir=${1%/*}/
  key=${1##*/}
  schema=$(schema_for_dir "$dir")
  if [ -n "$schema" ]; then
    return 0
  elif [ "$dir" = /app/limber/Limber/ ]; then
    fail "no schema for $dir"
  else
    note "skipped: $2 (no schema for $dir is installed here)"
  fi
  return 1
}

# --- Every value, as Limber reads it -----------------------------------

keys_in () {
  local entry
  for entry in $(dconf list "$1"); do
    case $entry in
      */) keys_in "$1$entry" ;;
      *) printf '%s\n' "$1$entry" ;;
    esac
  done
}

n_values=0
while read -r path; do
  find_key "$path" "$path" || continue
  stored=$(dconf read "$path")
  if ! read_back=$(gsettings get "$schema" "$key" 2>&1); then
    fail "$path: $read_back"
    continue
  fi
  if [ "$stored" != "$read_back" ]; then
    fail "$path: the database holds $stored but GSettings reads $read_back:" \
         "wrong type or out of range for $schema, so the value is ignored"
    continue
  fi
  n_values=$((n_values + 1))
done < <(keys_in /)
note "ok: $n_values values read back as written"

# --- Locks -------------------------------------------------------------

n_locks=0
while IFS= read -r line; do
  case $line in '' | '#'*) continue ;; esac
  if [ "$line" != "$(printf '%s' "$line" | tr -d ' \t')" ]; then
    fail "lock \"$line\": blanks on a lock line make dconf lock nothing"
    continue
  fi
  find_key "$line" "lock $line" || continue
  if ! gsettings range "$schema" "$key" >/dev/null 2>&1; then
    fail "lock $line: $schema has no key $key"
    continue
  fi
  if [ "$(gsettings writable "$schema" "$key")" != false ]; then
    fail "lock $line: the key is still writable"
    continue
  fi
  n_locks=$((n_locks + 1))
done < <(cat "$db_dir"/locks/*)
note "ok: $n_locks locks hold"

kiosk_keys=$(gsettings list-keys app.limber.Limber | grep '^kiosk-' | sort || true)
if [ -z "$kiosk_keys" ]; then
  fail "Limber's schema has no kiosk-* keys"
fi
for key in $kiosk_keys; do
  if [ -z "$(dconf read "/app/limber/Limber/$key")" ]; then
    fail "$key: not set in $db_dir"
  elif [ "$(gsettings writable app.limber.Limber "$key")" != false ]; then
    fail "$key: not locked"
  fi
done
note "ok: kiosk keys set and locked: $(printf '%s' "$kiosk_keys" | tr '\n' ' ')"

# Limber greys out the controls bound to keys it cannot write.
for key in body-view equipment-at-hand plan-minutes; do
  if [ "$(gsettings writable app.limber.Limber "$key")" != true ]; then
    fail "$key: not writable (locked, or no user-db in the profile), but the body map and the planner write it"
  fi
done

# --- The user unit -----------------------------------------------------

check_unit_value () {
  local actual
  actual=$(unit_value "$unit" "$1" "$2")
  if [ "$actual" != "$3" ]; then
    fail "$unit: [$1] $2=$3 expected, found \"$actual\""
  fi
}
check_unit_value Unit StartLimitIntervalSec 0
check_unit_value Service Restart always
check_unit_value Service RestartSec 1
case $(unit_value "$unit" Service ExecStart) in
  *' limber --kiosk') ;;
  *) fail "$unit: ExecStart does not end in \"limber --kiosk\"" ;;
esac
note "ok: the unit's restart settings"

# Prints nothing when all is well: any output is a warning (an unknown key
# is only a warning, with an exit status of 0).
verify () {
  local output
  if ! output=$(XDG_RUNTIME_DIR=$tmp/runtime systemd-analyze verify --man=no "$@" 2>&1) || [ -n "$output" ]; then
    fail "systemd-analyze verify $*: ${output:-failed}"
    return 1
  fi
}

if command -v systemd-analyze >/dev/null 2>&1; then
  mkdir -m 700 "$tmp/runtime" "$tmp/units"
  cp "$unit" "$tmp/units/"
  cage=$(unit_value "$unit" Service ExecStart | awk '{ print $1 }')
  if [ ! -x "$cage" ]; then
    # verify also checks that the program exists: stand in for it.
    note "note: $cage is not installed: verifying the unit with /bin/true in its place"
    sed -i "s|^ExecStart=$cage |ExecStart=/bin/true |" "$tmp/units/limber-kiosk.service"
  fi
  verify --user "$tmp/units/limber-kiosk.service" && note "ok: systemd-analyze verify --user limber-kiosk.service"

  getty_unit=
  for d in /usr/lib/systemd/system /lib/systemd/system; do
    if [ -f "$d/getty@.service" ]; then
      getty_unit=$d/getty@.service
      break
    fi
  done
  if [ -n "$getty_unit" ]; then
    # The drop-in beside a copy of getty@.service is read as it would be in
    # /etc/systemd/system/getty@tty1.service.d/.
    mkdir -p "$tmp/units/getty@tty1.service.d"
    cp "$getty_unit" "$tmp/units/"
    cp "$getty_dropin" "$tmp/units/getty@tty1.service.d/limber-kiosk.conf"
    verify "$tmp/units/getty@tty1.service" && note "ok: systemd-analyze verify getty@tty1.service with the drop-in"
  else
    note "skipped: getty@.service is not installed here, the getty drop-in is not verified"
  fi
else
  note "skipped: systemd-analyze is not installed here (Debian: systemd), the units are not verified"
fi

# --- The kiosk user's ~/.profile ---------------------------------------

if ! sh -n "$dot_profile"; then
  fail "$dot_profile: not valid sh"
fi
if ! grep -q "systemctl --user start $(basename "$unit")" "$dot_profile"; then
  fail "$dot_profile: does not start $(basename "$unit")"
fi

if [ "$failures" -gt 0 ]; then
  printf '%d problems\n' "$failures" >&2
  exit 1
fi
note "all good"
