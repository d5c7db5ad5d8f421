#!/usr/bin/env bash
# Runs Limber's benchmarks and prints their figures. Not part of the test run.
#   tests/bench/run.sh            all of them
#   BENCH_RUNS=9 tests/bench/run.sh
# SPDX-License-Identifier: GPL-3.0-or-later

source "$(dirname "${BASH_SOURCE[0]}")/../../build-aux/common.sh"

install_packages "${build_packages[@]}" "${test_packages[@]}" gnome-clocks
configure_and_build "$build_dir"

runs=${BENCH_RUNS:-7}
renderer=${GSK_RENDERER:-cairo}

start_private_session

export GSK_RENDERER=$renderer GDK_BACKEND=x11 NO_AT_BRIDGE=1 GTK_A11Y=none

# Settings in a throwaway keyfile, as a returning user has them: Limber's
# first-run notice has been read (it would be a second window to draw).
config_home=$(mktemp -d)
trap 'stop_private_session; [ -n "${soak_xvfb:-}" ] && kill "$soak_xvfb"; rm -rf "$config_home"' EXIT
export XDG_CONFIG_HOME="$config_home" GSETTINGS_BACKEND=keyfile GSETTINGS_SCHEMA_DIR="$build_dir/data"
gsettings set app.limber.Limber safety-notice-seen true

say "Body map (GSK_RENDERER=$renderer)"
"$build_dir/tests/bench/bench-body-map"

say "Launch and memory against GNOME Clocks (GSK_RENDERER=$renderer, $runs runs each)"
"$build_dir/tests/bench/bench-launch" "$runs" limber "$build_dir/src/limber" -- gnome-clocks gnome-clocks 2>/dev/null

say "Catalogue loading ($runs runs)"
"$build_dir/tests/bench/bench-catalogue" "$runs"

say "Planning a session ($((runs * 14 + 3)) runs each)"
"$build_dir/tests/bench/bench-planner" "$((runs * 14 + 3))"

say "Timer ring (GSK_RENDERER=$renderer)"
"$build_dir/tests/bench/bench-timer-ring" "${BENCH_RING_SECONDS:-20}" "$xvfb_pid"

say "Playing a routine (GSK_RENDERER=$renderer, ${BENCH_SECONDS:-60} s each)"
"$build_dir/tests/bench/bench-player" "${BENCH_SECONDS:-60}" 2>/dev/null

say "History after ten years of daily sessions ($((runs * 7 + 2)) runs each)"
"$build_dir/tests/bench/bench-history" "$((runs * 7 + 2))"

say "Opening the history page after ten years (GSK_RENDERER=$renderer, $((runs * 3)) runs each)"
"$build_dir/tests/bench/bench-history-page" "$((runs * 3))"

# A portrait kiosk's screen of its own, and settings in memory: the soak
# turns kiosk mode on.
soak_cycles=${BENCH_SOAK_CYCLES:-2000}
say "A kiosk's day: $soak_cycles visitors in one process (GSK_RENDERER=$renderer, 1080x1920)"
exec {soak_fd}<> <(:)
Xvfb -displayfd "$soak_fd" -screen 0 1080x1920x24 -nolisten tcp -noreset &
soak_xvfb=$!
read -r -t 30 soak_display <&"$soak_fd"
exec {soak_fd}>&-
DISPLAY=":$soak_display" GSETTINGS_BACKEND=memory GOBJECT_DEBUG=instance-count \
  "$build_dir/tests/bench/bench-kiosk-soak" "$soak_cycles" 2>/dev/null
