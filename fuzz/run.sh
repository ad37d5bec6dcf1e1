#!/usr/bin/env bash
# Fuzzes for a bounded time: fuzz/run.sh [SECONDS] [TARGET] (default 600 s, target `pipeline`; `history` checks that
# a good photo after each input comes out as from a fresh thread). Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
target=${2:-pipeline}
command -v cargo-fuzz >/dev/null || cargo install --locked cargo-fuzz
corpus=fuzz/corpus/$target
mkdir -p "$corpus"
# Seeds: the small real files of the tests, and a few tiny images in each format, each behind a choice byte.
if [ -z "$(ls -A "$corpus")" ]; then
  i=0
  for f in tests/data/*.* tests/data/orientation/* tests/data/fuzz/*; do
    [ -f "$f" ] || continue
    { printf "\\x$(printf %02x $((i % 24)))"; cat "$f"; } > "$corpus/seed-$i"
    i=$((i + 1))
  done
  if command -v convert >/dev/null; then
    for spec in jpg:-interlace:None jpg:-interlace:Plane jpg:-colorspace:CMYK jpg:-orient:RightTop png:-alpha:set \
      png:-depth:16 gif:-colors:4 bmp:-compress:RLE tiff:-compress:LZW webp:-quality:50 tga ico pnm qoi; do
      ext=${spec%%:*}
      IFS=: read -r -a opts <<< "${spec#"$ext"}"
      tmp=$(mktemp --suffix=".$ext")
      convert -size 13x7 gradient:red-blue "${opts[@]:1}" "$tmp" 2>/dev/null || continue
      { printf "\\x$(printf %02x $((i % 24)))"; cat "$tmp"; } > "$corpus/seed-$i"
      rm -f "$tmp"; i=$((i + 1))
    done
  fi
fi
# RSS limit and timeout catch memory blow-ups and hangs, not just crashes.
cargo +nightly fuzz run "$target" "$corpus" -- -max_total_time="$seconds" -rss_limit_mb=1024 -timeout=10 \
  -max_len=262144 -print_final_stats=1
