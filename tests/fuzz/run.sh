#!/usr/bin/env bash
# Builds the libFuzzer target with clang and runs it.
#   tests/fuzz/run.sh [SECONDS]     (default 600)
# SPDX-License-Identifier: GPL-3.0-or-later

source "$(dirname "${BASH_SOURCE[0]}")/../../build-aux/common.sh"

install_packages "${build_packages[@]}" clang
fuzz_dir="$top_srcdir/_build-fuzz"
if [ ! -f "$fuzz_dir/build.ninja" ]; then
  CC=clang meson setup "$fuzz_dir" "$top_srcdir" -Dfuzzing=true -Dbuildtype=debugoptimized
fi
ninja -C "$fuzz_dir" tests/fuzz/fuzz-catalogue

# The working corpus grows as the fuzzer finds new paths; it starts from the
# seeds, the hostile fixtures and the shipped and example catalogues.
corpus="$fuzz_dir/fuzz-corpus"
mkdir -p "$corpus" "$fuzz_dir/fuzz-artifacts"
cp -n "$top_srcdir"/tests/fuzz/corpus/* "$top_srcdir"/tests/data/bad/*.xml \
      "$top_srcdir"/data/examples/*.xml "$corpus/"
cp -n "$top_srcdir/data/catalogue/limber.xml.in" "$corpus/shipped.xml"

say "Fuzzing the catalogue loader for ${1:-600} s"
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  "$fuzz_dir/tests/fuzz/fuzz-catalogue" "$corpus" \
  -max_total_time="${1:-600}" -max_len=16384 \
  -dict="$top_srcdir/tests/fuzz/catalogue.dict" \
  -artifact_prefix="$fuzz_dir/fuzz-artifacts/" -print_final_stats=1
