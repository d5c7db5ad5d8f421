#!/usr/bin/env bash
# Installs what is missing, builds Limber, then runs every test suite: first
# in a normal build, then in an address and undefined behaviour sanitizer
# build. GUI tests run under a private Xvfb and a private session bus that
# this script starts and stops.
# SPDX-License-Identifier: GPL-3.0-or-later

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

sanitize_dir="$top_srcdir/_build-sanitize"

install_packages "${build_packages[@]}" "${test_packages[@]}"
configure_and_build "$build_dir" -Dwerror=true
configure_and_build "$sanitize_dir" -Dwerror=true -Dbuildtype=debug \
  -Db_sanitize=address,undefined -Db_lundef=false

start_private_session

say "Tests (display $DISPLAY)"
meson test -C "$build_dir" --print-errorlogs --num-processes 2

say "Tests in the address and undefined behaviour sanitizer build"
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export LSAN_OPTIONS="suppressions=$top_srcdir/tests/lsan.supp:print_suppressions=0"
meson test -C "$sanitize_dir" --print-errorlogs --num-processes 2
