#!/usr/bin/env bash
# quality.sh: bytes against look. Resizes the JPEGs of the benchmark corpus (benches/make-corpus.sh; $CORPUS or
# benches/corpus: 100 × 12 MP and 20 × 24 MP) to fit 1920×1920 as JPEG with Shrinkray at fixed q85 (baseline,
# progressive, 4:4:4), at each look (good, high, visually-lossless; high also with 4:4:4 forced) and at a score
# of 80, with vipsthumbnail Q=85 and mogrify -quality 85, and scores every copy with SSIMULACRA2 against two
# references (benches/references.sh): the input fitted to 1920 in linear light in floating point by
# ImageMagick's HDRI build, as compare.sh makes it, and ImageMagick's Lanczos on the sRGB values; and once more
# at vipsthumbnail's median score as the target, for bytes at equal score.
# The JPEG encoders of a look (issue #36), each searched the way a look searches (the lowest quality whose copy
# scores at least the target against Shrinkray's resized picture) at 80, vipsthumbnail's median and 90:
# jpegli (Shrinkray's look), libjpeg-turbo (`--jpeg-encoder libjpeg-turbo`), and from benches/jpeg-encoders (a
# separate binary: mozjpeg's jpeg_* names clash with libjpeg-turbo's) mozjpeg at 4:2:0 and libjpeg-turbo with
# the tables mozjpeg ships, on Shrinkray's resized pictures. Their rows give the encode time per photo: one
# encode at quality 85 (Shrinkray: its stage breakdown at --quality 85; jpeg-encoders: the final encode).
# JPEG XL rows: Shrinkray's at q85 (distance 1.45), at vipsthumbnail's median, and from the q85 JPEG (the same
# pixels, djxl gives the JPEG back), and libjxl's cjxl at the same distance (needs libjxl-tools).
# Prints a Markdown table: wall time, total bytes, bytes against vipsthumbnail's, median, lowest and mean score
# against the first reference, median and lowest against the second.
# THREADS workers for every tool (default 2). Run from the project root; installs libvips-tools, imagemagick,
# imagemagick-6.q16hdri and time when missing (as root). About 70 minutes.
set -euo pipefail
threads=${THREADS:-2}
corpus=${CORPUS:-benches/corpus}
[ -d "$corpus/jpeg12" ] || benches/make-corpus.sh "$corpus"
benches/install-tools.sh
cargo build --release --quiet --bin shrinkray-cli
cargo build --release --quiet --bench score
cargo build --release --quiet --manifest-path benches/jpeg-encoders/Cargo.toml
encoders=$PWD/benches/jpeg-encoders/target/release/jpeg-encoders
cli=$PWD/target/release/shrinkray-cli
score=$(ls -t target/release/deps/score-* | grep -v '\.d$' | head -1)

ref="$corpus/.reference"
ref2="$corpus/.reference-srgb"
benches/references.sh "$corpus"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ls "$corpus"/jpeg12/*.jpg "$corpus"/jpeg24/*.jpg > "$work/jpegs"
"$cli" --out "$work/resized" --width 1920 --height 1920 --format png --threads "$threads" $(cat "$work/jpegs") > /dev/null

shrinkray() { shrinkray_as jpeg "$@"; }
shrinkray_as() { "$cli" --out "$2" --width 1920 --height 1920 --format "$1" --threads "$threads" "${@:3}" $(cat "$work/jpegs") > /dev/null; }
# cjxl at the distance Shrinkray gives quality 85 (1.45), effort 7, on vipsthumbnail's 1920-pixel PNGs: libjxl's
# own tool on the same pixels, to tell Shrinkray's use of libjxl from libjxl itself.
cjxl_of_vips() {
  mkdir -p "$work/png" && rm -f "$work/png"/*
  VIPS_CONCURRENCY=1 xargs -P "$threads" -n 8 vipsthumbnail -s 1920 -o "$work/png/%s.png" < "$work/jpegs"
  ls "$work/png"/*.png | xargs -P "$threads" -I{} sh -c 'cjxl -q 85 -e 7 "$1" "$2/$(basename "${1%.png}").jxl" 2>/dev/null' _ {} "$1"
}
# encoder CONFIG TARGET OUT: a jpeg-encoders configuration searched to TARGET on Shrinkray's resized pictures
# (made once above, as lossless PNGs).
encoder() {
  find "$work/resized" -name '*.png' -not -path '*/.shrinkray/*' | while read -r f; do
    printf '%s\t%s\n' "$f" "$3/$(basename "${f%.png}").jpg"
  done | "$encoders" "$1" "$2" > "$work/encoder.log"
  awk -F'\t' '{s+=$5} END {printf "%.0f\n", s/NR}' "$work/encoder.log" > "$work/encode-ms"
}
# encode_ms ARGS: Shrinkray's encode time per photo at quality 85 with ARGS, from its stage breakdown.
encode_ms() {
  SHRINKRAY_STAGES=1 "$cli" --out "$work/timing" --width 1920 --height 1920 --format jpeg --quality 85 \
    --threads "$threads" "$@" $(cat "$work/jpegs") 2>&1 > /dev/null | awk '$1 == "encode" {print $4}'
  rm -rf "$work/timing"
}
# vipsthumbnail first: its median score is the target of the "at vipsthumbnail's median" runs (bytes at equal
# score).
runs=(
  "vipsthumbnail Q=85|VIPS_CONCURRENCY=1 xargs -P $threads -n 8 vipsthumbnail -s 1920 -o OUT/%s.jpg[Q=85] < $work/jpegs"
  "shrinkray at vipsthumbnail's median (jpegli)|shrinkray OUT --min-score VIPS_MEDIAN"
  "libjpeg-turbo at vipsthumbnail's median|shrinkray OUT --min-score VIPS_MEDIAN --jpeg-encoder libjpeg-turbo"
  "mozjpeg 4:2:0 at vipsthumbnail's median|encoder mozjpeg-420 VIPS_MEDIAN OUT"
  "libjpeg-turbo, mozjpeg's tables, 4:2:0, at vipsthumbnail's median|encoder turbo-tables-420 VIPS_MEDIAN OUT"
  "jpegli at 80|shrinkray OUT --min-score 80 --jpeg-encoder jpegli"
  "libjpeg-turbo at 80|shrinkray OUT --min-score 80 --jpeg-encoder libjpeg-turbo"
  "mozjpeg 4:2:0 at 80|encoder mozjpeg-420 80 OUT"
  "libjpeg-turbo, mozjpeg's tables, 4:2:0, at 80|encoder turbo-tables-420 80 OUT"
  "jpegli at 90|shrinkray OUT --min-score 90 --jpeg-encoder jpegli"
  "libjpeg-turbo at 90|shrinkray OUT --min-score 90 --jpeg-encoder libjpeg-turbo"
  "mozjpeg 4:4:4 at 90|encoder mozjpeg-444 90 OUT"
  "libjpeg-turbo, mozjpeg's tables, 4:4:4, at 90|encoder turbo-tables-444 90 OUT"
  "shrinkray q85|shrinkray OUT --quality 85"
  "shrinkray q85 progressive|shrinkray OUT --quality 85 --progressive"
  "shrinkray q85 4:4:4|shrinkray OUT --quality 85 --subsampling 444"
  "shrinkray good (70)|shrinkray OUT --quality good"
  "shrinkray high (83.5)|shrinkray OUT --quality high"
  "shrinkray high (83.5), libjpeg-turbo|shrinkray OUT --quality high --jpeg-encoder libjpeg-turbo"
  "shrinkray --min-score 80|shrinkray OUT --min-score 80"
  "shrinkray visually-lossless (90)|shrinkray OUT --quality visually-lossless"
  "shrinkray visually-lossless (90), libjpeg-turbo|shrinkray OUT --quality visually-lossless --jpeg-encoder libjpeg-turbo"
  "shrinkray JPEG XL q85 (effort 7)|shrinkray_as jxl OUT --quality 85"
  "shrinkray JPEG XL at vipsthumbnail's median|shrinkray_as jxl OUT --min-score VIPS_MEDIAN"
  "shrinkray JPEG XL from the JPEG (q85)|shrinkray_as jxl-from-jpeg OUT --quality 85"
  "cjxl -q 85 (distance 1.45) of vipsthumbnail's PNG|cjxl_of_vips OUT"
  "mogrify -quality 85|xargs -P $threads -n 8 /usr/bin/mogrify -path OUT -filter Lanczos -resize 1920x1920 -quality 85 < $work/jpegs"
)

declare -A wall total median low mean median2 low2 encode
names=()
for run in "${runs[@]}"; do
  name=${run%%|*}
  command=${run#*|}
  command=${command//VIPS_MEDIAN/${median["vipsthumbnail Q=85"]:-80}}
  out="$work/out"
  rm -rf "$out" && mkdir -p "$out"
  rm -f "$work/encode-ms"
  /usr/bin/time -f "%e" -o "$work/time" bash -c "$(declare -f shrinkray shrinkray_as cjxl_of_vips encoder); cli=$cli; encoders=$encoders; threads=$threads; work=$work; ${command//OUT/$out}"
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
  # The second reference (JPEG copies only: it has no JPEG XL decoder's view of them).
  sed "s|^$ref/|$ref2/|" "$work/pairs" | grep '\.jpg$' | "$score" | cut -f2 | sort -n > "$work/scores2" || true
  median2[$name]=$(awk '{a[NR]=$1} END {if (NR) printf "%.2f", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; else print "-"}' "$work/scores2")
  low2[$name]=$(awk 'NR == 1 {printf "%.2f", $1} END {if (!NR) print "-"}' "$work/scores2")
  case $name in
    *mozjpeg*|*"mozjpeg's tables"*) encode[$name]="$(cat "$work/encode-ms") ms" ;;
    "libjpeg-turbo at 80") encode[$name]="$(encode_ms --jpeg-encoder libjpeg-turbo) ms (planar route)" ;;
    "jpegli at 80") encode[$name]="$(encode_ms --jpeg-encoder jpegli) ms" ;;
    *) encode[$name]="" ;;
  esac
  names+=("$name")
  echo "$name: ${wall[$name]} s, ${total[$name]} bytes, median ${median[$name]}" >&2
done

vips=${total["vipsthumbnail Q=85"]}
echo "| run | wall (s) | output (MB) | vs vipsthumbnail | median SSIMULACRA2 | lowest | mean | median, sRGB reference | lowest | encode at q85 |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for name in "${names[@]}"; do
  printf '| %s | %.1f | %.1f | %.2fx | %.2f | %.2f | %s | %s | %s | %s |\n' "$name" "${wall[$name]}" \
    "$(echo "${total[$name]} / 1000000" | bc -l)" "$(echo "${total[$name]} / $vips" | bc -l)" \
    "${median[$name]}" "${low[$name]}" "${mean[$name]}" "${median2[$name]}" "${low2[$name]}" "${encode[$name]}"
done
