# Shared set-up for run.sh and test.sh: install what is missing, configure,
# build. Sourced, not run.
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

top_srcdir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir="$top_srcdir/_build"

# Debian/Ubuntu package names: to build Limber, to run it, and to test it.
build_packages=(
  gcc meson ninja-build pkg-config gettext
  libglib2.0-dev libglib2.0-dev-bin libgtk-4-dev libadwaita-1-dev
  librsvg2-dev libxml2-dev libsqlite3-dev libgsound-dev libspeechd-dev
)
# The sounds the player's cues play; the tests do without.
run_packages=(
  sound-theme-freedesktop
)
# dconf-cli, dconf-gsettings-backend and systemd (systemd-analyze) check the
# kiosk's files in data/kiosk/ (tests/check-kiosk-data.sh).
test_packages=(
  xvfb xauth dbus libxtst-dev libxml2-utils desktop-file-utils appstream
  dconf-cli dconf-gsettings-backend systemd
)

say () {
  printf '\033[1m==> %s\033[0m\n' "$*" >&2
}

install_packages () {
  local missing=() pkg sudo=()

  if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    say "This is not a Debian or Ubuntu system. Install the equivalents of:"
    printf '    %s\n' "$@" >&2
    return 0
  fi

  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      say "Please install as root: apt-get install ${missing[*]}"
      exit 1
    fi
    sudo=(sudo)
  fi

  say "Installing ${missing[*]}"
  "${sudo[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# configure_and_build DIR [meson options...]
configure_and_build () {
  local dir=$1
  shift
  if [ ! -f "$dir/build.ninja" ]; then
    say "Configuring $dir"
    meson setup "$dir" "$top_srcdir" "$@"
  elif [ $# -gt 0 ]; then
    meson configure "$dir" "$@" >/dev/null
  fi
  say "Building $dir"
  ninja -C "$dir"
}

# start_private_session [SIZE]: a private Xvfb (-displayfd picks a free
# display) with a screen of SIZE (2560x2560 unless given) and a private
# session bus, both stopped when the calling script exits.
start_private_session () {
  local display_fd display_number dbus_info size=${1:-2560x2560}

  exec {display_fd}<> <(:)
  Xvfb -displayfd "$display_fd" -screen 0 "${size}x24" -nolisten tcp -noreset &
  xvfb_pid=$!
  read -r -t 30 display_number <&"$display_fd"
  exec {display_fd}>&-
  export DISPLAY=":$display_number"
  unset WAYLAND_DISPLAY

  dbus_info=$(dbus-daemon --session --fork --print-address=1 --print-pid=1)
  export DBUS_SESSION_BUS_ADDRESS=$(sed -n 1p <<<"$dbus_info")
  dbus_pid=$(sed -n 2p <<<"$dbus_info")

  trap stop_private_session EXIT
}

stop_private_session () {
  [ -n "${dbus_pid:-}" ] && kill "$dbus_pid" 2>/dev/null || true
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
}
