#!/usr/bin/env bash
# The byte-identity check for changes that must not change a single output byte (moves, renames, refactors):
# every file under tests/data (top level and orientation/, heic-exif/), converted with each of a set of
# settings that reach every format, every metadata path and the quality searches, then one sha1 per output.
# Run it before and after; the two lists must be equal.
#
#   benches/identity.sh [CLI] > before.txt      (CLI defaults to target/release/shrinkray-cli)
#
# Prints "SETTINGS-NAME RELATIVE-OUTPUT SHA1" lines, sorted, and a last line with the number of outputs. Inputs
# that fail (hostile fixtures, or HEIC without libheif) fail the same way each time and print nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
cli=${1:-target/release/shrinkray-cli}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
cp tests/data/*.* "$work/in/" 2>/dev/null
cp -r tests/data/orientation tests/data/heic-exif "$work/in/"
rm -f "$work/in/README.md"

settings=(
  "default|"
  "jpeg-600-progressive|--format jpeg --long-edge 600 --progressive --subsampling 444"
  "webp-400|--format webp --width 400"
  "webp-lossless|--format webp-lossless --width 300"
  "png-srgb|--format png --long-edge 500 --to-srgb"
  "avif|--format avif --width 300 --avif-speed 8"
  "tiff|--format tiff --width 300"
  "gif-bmp|--format gif --width 200"
  "strip|--format jpeg --width 400 --strip-metadata"
  "no-location|--long-edge 400 --remove-location"
  "target-size|--format jpeg --long-edge 800 --target-size 40KB"
  "look|--format webp --long-edge 400 --min-score 80"
  "linear-sharpen|--format jpeg --long-edge 300 --linear --sharpen"
)
for entry in "${settings[@]}"; do
  name=${entry%%|*} args=${entry#*|}
  out="$work/out-$name"
  # shellcheck disable=SC2086 # the settings are words
  "$cli" --out "$out" --threads 1 $args "$work/in" >/dev/null 2>&1 || true
  while IFS= read -r -d '' file; do
    echo "$name ${file#"$out"/} $(sha1sum < "$file" | cut -c1-40)"
  done < <(find "$out" -type f -not -path '*/.shrinkray/*' -print0)
done | sort
echo "outputs: $(find "$work" -path "$work/out-*" -type f -not -path '*/.shrinkray/*' | wc -l)"
