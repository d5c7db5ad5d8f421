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
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$build_dir/data"

say "Body map (GSK_RENDERER=$renderer)"
"$build_dir/tests/bench/bench-body-map"

say "Launch and memory against GNOME Clocks (GSK_RENDERER=$renderer, $runs runs each)"
"$build_dir/tests/bench/bench-launch" "$runs" limber "$build_dir/src/limber" -- gnome-clocks gnome-clocks
