#!/usr/bin/env bash
# Takes the screenshots of the translations into data/screenshots/: the map,
# a routine and the player in German and in Spanish, and the map right to
# left (in the small Hebrew translation of the tests), on a private Xvfb
# screen of 1920x1080 (or SIZE, as in `screenshots.sh 1024x600`).
# SPDX-License-Identifier: GPL-3.0-or-later

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

size=${1:-1920x1080}
case $size in
  1920x1080) suffix=landscape ;;
  1080x1920) suffix=portrait ;;
  *) suffix=small ;;
esac

install_packages "${build_packages[@]}" "${test_packages[@]}" imagemagick
configure_and_build "$build_dir"

# gettext wants LANG/LC_MESSAGES/limber.mo: the build's, and the tests'
# Hebrew.
locale_dir=$(mktemp -d)
cp -r "$build_dir/po/." "$locale_dir/"
mkdir -p "$locale_dir/he/LC_MESSAGES"
cp "$build_dir/tests/he.mo" "$locale_dir/he/LC_MESSAGES/limber.mo"

start_private_session "$size"
trap 'rm -rf "$locale_dir"; stop_private_session' EXIT

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build_dir/data" LIMBER_LOCALEDIR="$locale_dir"
export LC_ALL=C.UTF-8 GDK_BACKEND=x11 GSK_RENDERER=cairo NO_AT_BRIDGE=1 GTK_A11Y=none

shoot () {
  local page=$1 lang=$2 name=$3
  say "$name"
  "$build_dir/tests/limber-screenshot" "$page" "$lang" "$top_srcdir/data/screenshots/$name"
}

for lang in de es; do
  shoot map "$lang" "map-$lang-$suffix.png"
  shoot routine "$lang" "routine-$lang-$suffix.png"
  shoot player "$lang" "player-$lang-$suffix.png"
done
shoot map he "map-rtl-$suffix.png"
