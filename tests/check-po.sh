#!/usr/bin/env bash
# The translations' checks, one per meson test (suite "po"):
#
#   check-po.sh potfiles SRCDIR
#       every source file with a translatable string is in po/POTFILES.in,
#       which is sorted and names only files that exist;
#   check-po.sh pot-current SRCDIR
#       po/limber.pot is current: extracting the strings again, as meson's
#       limber-pot target does, adds no msgid and drops none;
#   check-po.sh catalogue-in-pot SRCDIR
#       every text of the catalogue, extracted with the ITS rules, is in
#       po/limber.pot with its context;
#   check-po.sh valid SRCDIR
#       every po/*.po passes msgfmt --check;
#   check-po.sh complete SRCDIR LANG MERGED_CATALOGUE
#       po/LANG.po translates every message of po/limber.pot, none fuzzy,
#       and the merged catalogue has a LANG copy of every text.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -euo pipefail

mode=$1
srcdir=$2
po_dir="$srcdir/po"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The glib preset of meson's i18n module (keywords and options), which
# po/meson.build uses: what limber-pot runs.
extract () {
  GETTEXTDATADIRS="$srcdir/data" xgettext --package-name=limber --from-code=UTF-8 --add-comments \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
    --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
    --directory="$srcdir" --output="$1" "${@:2}"
}

# Prints the messages of $2 that $1 lacks, one "file:line: ..." each;
# with a third argument, untranslated and fuzzy messages of $1 count as
# lacking.
missing_from () {
  local consider=(--use-untranslated --use-fuzzy)

  [ $# -gt 2 ] && consider=()
  msgcmp "${consider[@]}" -N "$1" "$2" 2>&1 | grep 'used but not defined' || true
}

case $mode in
  potfiles)
    status=0
    listed="$tmp/listed"
    grep -v -e '^#' -e '^[[:space:]]*$' "$po_dir/POTFILES.in" > "$listed"
    if ! LC_ALL=C sort -c "$listed" 2>/dev/null; then
      echo "po/POTFILES.in is not sorted (LC_ALL=C sort):"
      diff "$listed" <(LC_ALL=C sort "$listed") || true
      status=1
    fi
    while read -r file; do
      if [ ! -f "$srcdir/$file" ]; then
        echo "po/POTFILES.in names $file, which does not exist"
        status=1
      fi
    done < "$listed"
    # The C keywords of the glib preset, ngettext, and GtkBuilder's
    # translatable="yes"; the data files are listed by hand.
    (cd "$srcdir" && grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|g_dcgettext|g_dngettext|g_dpgettext2|ngettext) *\(|translatable="yes"' \
       src --include='*.c' --include='*.ui') | LC_ALL=C sort > "$tmp/marked"
    for file in $(LC_ALL=C comm -23 "$tmp/marked" <(LC_ALL=C sort "$listed")); do
      echo "$file has translatable strings but is not in po/POTFILES.in"
      status=1
    done
    exit $status
    ;;

  pot-current)
    extract "$tmp/current.pot" --files-from="$po_dir/POTFILES.in"
    added=$(missing_from "$po_dir/limber.pot" "$tmp/current.pot")
    dropped=$(missing_from "$tmp/current.pot" "$po_dir/limber.pot")
    if [ -n "$added" ]; then
      echo "po/limber.pot lacks these messages of the sources (run: ninja -C _build limber-pot):"
      sed "s|$tmp/current.pot|sources|" <<<"$added"
    fi
    if [ -n "$dropped" ]; then
      echo "po/limber.pot has messages the sources no longer have (run: ninja -C _build limber-pot):"
      echo "$dropped"
    fi
    [ -z "$added" ] && [ -z "$dropped" ]
    ;;

  catalogue-in-pot)
    extract "$tmp/catalogue.pot" data/catalogue/limber.xml.in
    count=$(grep -c '^msgid ' "$tmp/catalogue.pot")
    # The header is one entry; a catalogue has hundreds.
    if [ "$count" -lt 100 ]; then
      echo "only $count messages came out of the catalogue: are the ITS rules found?"
      exit 1
    fi
    missing=$(missing_from "$po_dir/limber.pot" "$tmp/catalogue.pot")
    if [ -n "$missing" ]; then
      echo "po/limber.pot lacks these catalogue texts (run: ninja -C _build limber-pot):"
      sed "s|$tmp/catalogue.pot|catalogue|" <<<"$missing"
      exit 1
    fi
    echo "all $((count - 1)) catalogue texts are in po/limber.pot"
    ;;

  valid)
    status=0
    for po in "$po_dir"/*.po; do
      if ! msgfmt --check --output-file=/dev/null "$po"; then
        echo "${po#"$srcdir"/} fails msgfmt --check"
        status=1
      fi
    done
    exit $status
    ;;

  complete)
    lang=$3
    merged=$4
    po="$po_dir/$lang.po"
    status=0
    stats=$(msgfmt --statistics --output-file=/dev/null "$po" 2>&1)
    echo "$lang: $stats"
    if grep -qE 'fuzzy|untranslated' <<<"$stats"; then
      echo "po/$lang.po has fuzzy or untranslated messages:"
      # Each without its header entry.
      msgattrib --only-fuzzy --no-obsolete "$po" | sed '1,/^$/d' | grep -A1 '^msgid' | head -40 || true
      msgattrib --untranslated --no-obsolete "$po" | sed '1,/^$/d' | grep -A1 '^msgid' | head -40 || true
      status=1
    fi
    # Translated and not fuzzy: every message of the template.
    untranslated=$(missing_from "$po" "$po_dir/limber.pot" translated)
    if [ -n "$untranslated" ]; then
      echo "po/$lang.po lacks a translation of these messages of po/limber.pot (msgmerge it?):"
      head -40 <<<"$untranslated"
      status=1
    fi
    # Each text element without xml:lang gets a copy from msgfmt --xml when
    # its translation was found: this shows a text the merge missed.
    # The paths are those of data/its/limber.its.
    routine=/catalogue/routines/routine
    texts="(/catalogue/groups/group/name | /catalogue/regions/region/name | /catalogue/equipment/item/name"
    texts+=" | /catalogue/cautions/caution/text | /catalogue/sources/source/citation | $routine/title"
    texts+=" | $routine/summary | $routine/caution | $routine/steps/step/instruction"
    texts+=" | $routine/steps/step/detail | $routine/steps/step/cue/text)"
    sources=$(xmllint --xpath "count($texts[not(@xml:lang)])" "$merged")
    copies=$(xmllint --xpath "count($texts[@xml:lang='$lang'])" "$merged")
    echo "$lang: $copies of $sources catalogue texts translated in the merged catalogue"
    if [ "$copies" -ne "$sources" ]; then
      status=1
    fi
    exit $status
    ;;

  *)
    echo "unknown check: $mode" >&2
    exit 2
    ;;
esac
