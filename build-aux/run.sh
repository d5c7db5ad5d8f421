#!/usr/bin/env bash
# Installs what is missing, builds Limber and runs it from the build tree with
# the shipped catalogue. Nothing is installed into the system but packages.
# Arguments are passed to limber (try --help).
# SPDX-License-Identifier: GPL-3.0-or-later

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

install_packages "${build_packages[@]}" "${run_packages[@]}"
configure_and_build "$build_dir"

export GSETTINGS_SCHEMA_DIR="$build_dir/data"
# The translations as built, so that LANGUAGE=de build-aux/run.sh shows them.
export LIMBER_LOCALEDIR="$build_dir/po"
exec "$build_dir/src/limber" "$@"
