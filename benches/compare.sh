#!/usr/bin/env bash
# compare.sh [THREADS] [ROUNDS]: the speed benchmark. Times shrinkray-cli against vipsthumbnail and ImageMagick's
# mogrify on the corpus of benches/make-corpus.sh (built on first use into benches/corpus, or $CORPUS), with the
# same number of workers for each (THREADS, default 2): JPEG -> JPEG fitted inside 1920x1920 at quality 85, then
# PNG -> PNG and PNG -> JPEG. Runs are interleaved over ROUNDS rounds (default 3) and the tables give medians.
#
# It prints, in Markdown:
#   - per tool: wall time, its ratio to vipsthumbnail's, CPU time, peak RSS, output bytes, and the mean DSSIM
#     (lower is better) and median SSIMULACRA2 (higher is better; `benches/score.rs`, as quality.sh scores) of
#     the outputs against a reference (a Lanczos downscale made in linear light in floating point, by
#     ImageMagick's HDRI build);
#   - shrinkray's speed-up from 1 to THREADS threads;
#   - where shrinkray's time goes on the JPEGs, stage by stage (one more run with SHRINKRAY_STAGES=1);
#   - shrinkray's peak RSS on 100, 1,000 and 10,000 small images.
# Peak RSS of the tools that run as several processes (vipsthumbnail, mogrify) is that of their largest single
# process; shrinkray's is the whole job's.
#
# Run from the project root. Installs what it needs when missing (as root): libvips-tools, imagemagick,
# imagemagick-6.q16hdri and time from Debian's packages, dssim from crates.io. Takes about 15 minutes the first
# time (the references are kept in the corpus folder), 8 after.
set -euo pipefail
threads=${1:-2}
rounds=${2:-3}
corpus=${CORPUS:-benches/corpus}
[ -d "$corpus/jpeg12" ] || benches/make-corpus.sh "$corpus"
benches/install-tools.sh
command -v dssim >/dev/null || cargo install --quiet --locked dssim
cargo build --release --quiet --no-default-features --features cli --bin shrinkray-cli
cargo build --release --quiet --bench score
cli=$PWD/target/release/shrinkray-cli
score=$(ls -t target/release/deps/score-* | grep -v '\.d$' | head -1)

ref="$corpus/.reference"
benches/references.sh "$corpus"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ls "$corpus"/jpeg12/*.jpg "$corpus"/jpeg24/*.jpg > "$work/jpegs"
ls "$corpus"/png/*.png > "$work/pngs"

# Each tool reads the list of inputs $2 and writes into $1; all outputs land flat in $1.
run_shrinkray() { "$cli" --out "$1" --width 1920 --height 1920 --quality 85 --threads "$threads" $(cat "$2") > /dev/null; }
run_shrinkray_1() { "$cli" --out "$1" --width 1920 --height 1920 --quality 85 --threads 1 $(cat "$2") > /dev/null; }
run_shrinkray_jpg() {
  "$cli" --out "$1" --width 1920 --height 1920 --format jpeg --quality 85 --threads "$threads" $(cat "$2") > /dev/null
}
run_vips() { VIPS_CONCURRENCY=1 xargs -P "$threads" -n 8 vipsthumbnail -s 1920 -o "$1/%s.jpg[Q=85]" < "$2"; }
run_vips_png() { VIPS_CONCURRENCY=1 xargs -P "$threads" -n 4 vipsthumbnail -s 1920 -o "$1/%s.png" < "$2"; }
run_mogrify() { xargs -P "$threads" -n 8 /usr/bin/mogrify -path "$1" -filter Lanczos -resize 1920x1920 -quality 85 < "$2"; }
run_mogrify_hint() {
  xargs -P "$threads" -n 8 /usr/bin/mogrify -path "$1" -define jpeg:size=3840x3840 -filter Lanczos \
    -resize 1920x1920 -quality 85 < "$2"
}

declare -A walls cpus rss bytes
# measure NAME TOOL LIST: one timed run into $work/out-NAME.
measure() {
  local name=$1 tool=$2 list=$3 out="$work/out-$1"
  rm -rf "$out" && mkdir -p "$out"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
    bash -c "$(declare -f "run_$tool"); cli=$cli; threads=$threads; run_$tool $out $list"
  read -r wall user sys maxrss < "$work/time"
  walls[$name]+="$wall "
  cpus[$name]+="$(echo "$user + $sys" | bc) "
  rss[$name]+="$maxrss "
  bytes[$name]=$(du -sb "$out" | cut -f1)
  echo "round $round: $name ${wall}s" >&2
}

# name:tool:list, in the order of the tables.
runs=(shrinkray:shrinkray:jpegs vips:vips:jpegs mogrify:mogrify:jpegs mogrify_hint:mogrify_hint:jpegs
  shrinkray_1:shrinkray_1:jpegs png_shrinkray:shrinkray:pngs png_vips:vips_png:pngs
  pngjpg_shrinkray:shrinkray_jpg:pngs pngjpg_vips:vips:pngs)
for round in $(seq 1 "$rounds"); do
  # Rotate the order each round so no tool always runs on a warmer (or hotter) machine.
  for k in $(seq 0 $((${#runs[@]} - 1))); do
    IFS=: read -r name tool list <<< "${runs[(k + round) % ${#runs[@]}]}"
    measure "$name" "$tool" "$work/$list"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
# quality NAME: mean DSSIM of the last round's outputs of NAME against the references.
quality() {
  local out="$work/out-$1" sum=0 n=0 f score
  for f in "$out"/*; do
    score=$(dssim "$ref/$(basename "${f%.*}").png" "$f" | cut -f1)
    sum=$(echo "$sum + $score" | bc -l); n=$((n + 1))
  done
  printf '%.6f' "$(echo "$sum / $n" | bc -l)"
}
# ssimulacra NAME: median SSIMULACRA2 of the last round's outputs of NAME against the references.
ssimulacra() {
  local f
  for f in "$work/out-$1"/*; do printf '%s\t%s\n' "$ref/$(basename "${f%.*}").png" "$f"; done | "$score" | cut -f2 |
    median
}
# table BASELINE NAME...: one row per NAME, ratios against BASELINE's median wall time.
table() {
  local base=$1; shift
  local base_wall; base_wall=$(echo "${walls[$base]}" | median)
  printf '| %-16s | %8s | %7s | %7s | %13s | %11s | %9s | %11s |\n' run "wall (s)" "vs vips" "CPU (s)" \
    "peak RSS (MB)" "output (MB)" "DSSIM" "SSIMULACRA2"
  printf '|%s|%s|%s|%s|%s|%s|%s|%s|\n' ------------------ ---------- --------- --------- --------------- \
    ------------- ----------- -------------
  for name in "$@"; do
    local wall; wall=$(echo "${walls[$name]}" | median)
    printf '| %-16s | %8.2f | %7.2f | %7.1f | %13.0f | %11.1f | %9s | %11.2f |\n' "$name" "$wall" \
      "$(echo "$wall / $base_wall" | bc -l)" "$(echo "${cpus[$name]}" | median)" \
      "$(echo "$(echo "${rss[$name]}" | median) / 1024" | bc -l)" "$(echo "${bytes[$name]} / 1000000" | bc -l)" \
      "$(quality "$name")" "$(ssimulacra "$name")"
  done
}

echo
echo "### $(wc -l < "$work/jpegs") JPEGs (100 × 12 MP, 20 × 24 MP) → fit 1920×1920, JPEG q85, $threads workers, median of $rounds rounds"
echo
table vips shrinkray vips mogrify mogrify_hint
echo
echo "### $(wc -l < "$work/pngs") PNGs (4 MP) → fit 1920×1920"
echo
table png_vips png_shrinkray png_vips pngjpg_shrinkray pngjpg_vips
echo
one=$(echo "${walls[shrinkray_1]}" | median)
two=$(echo "${walls[shrinkray]}" | median)
printf 'shrinkray JPEG run: 1 thread %.2f s, %s threads %.2f s, speed-up %.2f×\n' "$one" "$threads" "$two" \
  "$(echo "$one / $two" | bc -l)"

# Where the JPEG run's time goes, from one more (untimed) run.
rm -rf "$work/out-stages" && mkdir "$work/out-stages"
echo
echo '```'
SHRINKRAY_STAGES=1 "$cli" --out "$work/out-stages" --width 1920 --height 1920 --quality 85 --threads "$threads" \
  $(cat "$work/jpegs") 2>&1 > /dev/null
echo '```'

# Peak RSS against batch size: 100, 1,000 and 10,000 small photos (640×480 crops of the corpus, hard links).
small="$work/small"
mkdir -p "$small/seed"
for i in $(seq 0 19); do
  /usr/bin/convert "$(sed -n "$((i + 1))p" "$work/jpegs")" -resize 640x480 -quality 90 "$small/seed/$i.jpg"
done
echo
echo "| small images (640×480 → fit 320, $threads threads) | wall (s) | peak RSS (MB) |"
echo "|---|---|---|"
for n in 100 1000 10000; do
  mkdir -p "$small/in$n"
  for i in $(seq 0 $((n - 1))); do ln "$small/seed/$((i % 20)).jpg" "$small/in$n/$i.jpg"; done
  rm -rf "$small/out" && mkdir "$small/out"
  /usr/bin/time -f "%e %M" -o "$work/time" "$cli" --out "$small/out" --width 320 --height 320 --threads "$threads" \
    "$small/in$n" > /dev/null
  read -r wall maxrss < "$work/time"
  printf '| %d | %.2f | %.1f |\n' "$n" "$wall" "$(echo "$maxrss / 1024" | bc -l)"
  rm -rf "$small/in$n"
done
