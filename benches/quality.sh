#!/usr/bin/env bash
# quality.sh: bytes against look. Resizes the JPEGs of the benchmark corpus (benches/make-corpus.sh; $CORPUS or
# benches/corpus: 100 × 12 MP and 20 × 24 MP) to fit 1920×1920 as JPEG with Shrinkray at fixed q85 (baseline,
# progressive, 4:4:4), at each look (good, high, visually-lossless; high also with 4:4:4 forced) and at a score
# of 80, with vipsthumbnail Q=85 and mogrify -quality 85, and scores every copy with SSIMULACRA2 against the
# same reference (the input fitted to 1920 in linear light in floating point by ImageMagick's HDRI build, as
# compare.sh makes it); and once more at vipsthumbnail's median score as the target, for bytes at equal score.
# JPEG XL rows: Shrinkray's at q85 (distance 1.45), at vipsthumbnail's median, and from the q85 JPEG (the same
# pixels, djxl gives the JPEG back), and libjxl's cjxl at the same distance (needs libjxl-tools).
# Prints a Markdown table: wall time, total bytes, bytes against vipsthumbnail's, median, lowest and mean score.
# THREADS workers for every tool (default 2). Run from the project root; installs libvips-tools, imagemagick,
# imagemagick-6.q16hdri and time when missing (as root). About 20 minutes.
set -euo pipefail
threads=${THREADS:-2}
corpus=${CORPUS:-benches/corpus}
[ -d "$corpus/jpeg12" ] || benches/make-corpus.sh "$corpus"
benches/install-tools.sh
cargo build --release --quiet --bin shrinkray-cli
cargo build --release --quiet --bench score
cli=$PWD/target/release/shrinkray-cli
score=$(ls -t target/release/deps/score-* | grep -v '\.d$' | head -1)

ref="$corpus/.reference"
benches/references.sh "$corpus"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ls "$corpus"/jpeg12/*.jpg "$corpus"/jpeg24/*.jpg > "$work/jpegs"

shrinkray() { shrinkray_as jpeg "$@"; }
shrinkray_as() { "$cli" --out "$2" --width 1920 --height 1920 --format "$1" --threads "$threads" "${@:3}" $(cat "$work/jpegs") > /dev/null; }
# cjxl at the distance Shrinkray gives quality 85 (1.45), effort 7, on vipsthumbnail's 1920-pixel PNGs: libjxl's
# own tool on the same pixels, to tell Shrinkray's use of libjxl from libjxl itself.
cjxl_of_vips() {
  mkdir -p "$work/png" && rm -f "$work/png"/*
  VIPS_CONCURRENCY=1 xargs -P "$threads" -n 8 vipsthumbnail -s 1920 -o "$work/png/%s.png" < "$work/jpegs"
  ls "$work/png"/*.png | xargs -P "$threads" -I{} sh -c 'cjxl -q 85 -e 7 "$1" "$2/$(basename "${1%.png}").jxl" 2>/dev/null' _ {} "$1"
}
# vipsthumbnail first: its median score is the target of the "at vipsthumbnail's median" run (bytes at equal
# score).
runs=(
  "vipsthumbnail Q=85|VIPS_CONCURRENCY=1 xargs -P $threads -n 8 vipsthumbnail -s 1920 -o OUT/%s.jpg[Q=85] < $work/jpegs"
  "shrinkray at vipsthumbnail's median|shrinkray OUT --min-score VIPS_MEDIAN"
  "shrinkray q85|shrinkray OUT --quality 85"
  "shrinkray q85 progressive|shrinkray OUT --quality 85 --progressive"
  "shrinkray q85 4:4:4|shrinkray OUT --quality 85 --subsampling 444"
  "shrinkray good (70)|shrinkray OUT --quality good"
  "shrinkray high (83.5)|shrinkray OUT --quality high"
  "shrinkray high (83.5), 4:4:4|shrinkray OUT --quality high --subsampling 444"
  "shrinkray --min-score 80|shrinkray OUT --min-score 80"
  "shrinkray visually-lossless (90)|shrinkray OUT --quality visually-lossless"
  "shrinkray visually-lossless (90), 4:2:0|shrinkray OUT --quality visually-lossless --subsampling 420"
  "shrinkray JPEG XL q85 (effort 7)|shrinkray_as jxl OUT --quality 85"
  "shrinkray JPEG XL at vipsthumbnail's median|shrinkray_as jxl OUT --min-score VIPS_MEDIAN"
  "shrinkray JPEG XL from the JPEG (q85)|shrinkray_as jxl-from-jpeg OUT --quality 85"
  "cjxl -q 85 (distance 1.45) of vipsthumbnail's PNG|cjxl_of_vips OUT"
  "mogrify -quality 85|xargs -P $threads -n 8 /usr/bin/mogrify -path OUT -filter Lanczos -resize 1920x1920 -quality 85 < $work/jpegs"
)

declare -A wall total median low mean
names=()
for run in "${runs[@]}"; do
  name=${run%%|*}
  command=${run#*|}
  command=${command//VIPS_MEDIAN/${median["vipsthumbnail Q=85"]:-80}}
  out="$work/out"
  rm -rf "$out" && mkdir -p "$out"
  /usr/bin/time -f "%e" -o "$work/time" bash -c "$(declare -f shrinkray shrinkray_as cjxl_of_vips); cli=$cli; threads=$threads; work=$work; ${command//OUT/$out}"
  wall[$name]=$(cat "$work/time")
  total[$name]=$(find "$out" -type f -not -path '*/.shrinkray/*' -printf '%s\n' | awk '{s+=$1} END {print s}')
  find "$out" -type f -not -path '*/.shrinkray/*' | while read -r f; do
    b=$(basename "${f%.*}")
    printf '%s\t%s\n' "$ref/$b.png" "$f"
  done > "$work/pairs"
  "$score" < "$work/pairs" | cut -f2 | sort -n > "$work/scores"
  median[$name]=$(awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}' "$work/scores")
  low[$name]=$(head -1 "$work/scores")
  mean[$name]=$(awk '{s+=$1} END {printf "%.2f", s / NR}' "$work/scores")
  names+=("$name")
  echo "$name: ${wall[$name]} s, ${total[$name]} bytes, median ${median[$name]}" >&2
done

vips=${total["vipsthumbnail Q=85"]}
echo "| run | wall (s) | output (MB) | vs vipsthumbnail | median SSIMULACRA2 | lowest | mean |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for name in "${names[@]}"; do
  printf '| %s | %.1f | %.1f | %+.0f %% | %.2f | %.2f | %s |\n' "$name" "${wall[$name]}" \
    "$(echo "${total[$name]} / 1000000" | bc -l)" "$(echo "(${total[$name]} / $vips - 1) * 100" | bc -l)" \
    "${median[$name]}" "${low[$name]}" "${mean[$name]}"
done
