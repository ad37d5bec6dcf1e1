#!/usr/bin/env bash
# compare.sh [THREADS] [ROUNDS]: times shrinkray-cli against vipsthumbnail and ImageMagick's mogrify on the
# benchmark corpus (benches/make-corpus.sh, built on first use into benches/corpus), JPEG -> JPEG fitted inside
# 1920x1920 at quality 85, with the same number of workers for each. Runs are interleaved over ROUNDS rounds
# (default 3) and the table gives medians. Run from the project root; installs libvips-tools and ImageMagick
# from Debian's packages when missing (as root).
#
# Work in progress for the speed issue: the quality score and the PNG and small-image runs are still to come.
set -euo pipefail
threads=${1:-2}
rounds=${2:-3}
corpus=benches/corpus
[ -d "$corpus/jpeg12" ] || benches/make-corpus.sh "$corpus"
need=()
command -v vipsthumbnail >/dev/null || need+=(libvips-tools)
command -v mogrify >/dev/null || need+=(imagemagick)
[ -x /usr/bin/time ] || need+=(time)
command -v bc >/dev/null || need+=(bc)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
cargo build --release --quiet --no-default-features --features cli --bin shrinkray-cli
cli=target/release/shrinkray-cli

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
list="$work/inputs"
ls "$corpus"/jpeg12/*.jpg "$corpus"/jpeg24/*.jpg > "$list"
count=$(wc -l < "$list")

# Each tool reads the list of inputs and writes into $1.
run_shrinkray() { xargs "$cli" --out "$1" --width 1920 --height 1920 --quality 85 --threads "$threads" < "$list" > /dev/null; }
run_vips() { VIPS_CONCURRENCY=1 xargs -P "$threads" -n 8 vipsthumbnail -s 1920 -o "$1/%s.jpg[Q=85]" < "$list"; }
run_mogrify() { xargs -P "$threads" -n 8 mogrify -path "$1" -filter Lanczos -resize 1920x1920 -quality 85 < "$list"; }
run_mogrify_hint() {
  xargs -P "$threads" -n 8 mogrify -path "$1" -define jpeg:size=3840x3840 -filter Lanczos -resize 1920x1920 \
    -quality 85 < "$list"
}
tools=(shrinkray vips mogrify mogrify_hint)

declare -A walls cpus rss bytes
for round in $(seq 1 "$rounds"); do
  # Rotate the order each round so no tool always runs on a warmer (or hotter) machine.
  for k in $(seq 0 $((${#tools[@]} - 1))); do
    tool=${tools[(k + round) % ${#tools[@]}]}
    out="$work/out-$tool"
    rm -rf "$out" && mkdir -p "$out"
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" bash -c "$(declare -f "run_$tool"); cli=$cli; list=$list; threads=$threads; run_$tool $out"
    read -r wall user sys maxrss < "$work/time"
    walls[$tool]+="$wall "
    cpus[$tool]+="$(echo "$user + $sys" | bc) "
    rss[$tool]+="$maxrss "
    bytes[$tool]=$(du -sb "$out" | cut -f1)
    echo "round $round: $tool ${wall}s" >&2
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
vips_wall=$(echo "${walls[vips]}" | median)
echo
echo "$count JPEGs (12 and 24 MP) -> fit 1920x1920, q85, $threads workers, median of $rounds rounds"
printf '| %-13s | %9s | %8s | %8s | %13s | %12s |\n' tool "wall (s)" "vs vips" "CPU (s)" "peak RSS (MB)" "output (MB)"
printf '|%s|%s|%s|%s|%s|%s|\n' --------------- ----------- ---------- ---------- --------------- --------------
for tool in "${tools[@]}"; do
  wall=$(echo "${walls[$tool]}" | median)
  printf '| %-13s | %9.2f | %8.2f | %8.1f | %13.0f | %12.1f |\n' "$tool" "$wall" "$(echo "$wall / $vips_wall" | bc -l)" \
    "$(echo "${cpus[$tool]}" | median)" "$(echo "$(echo "${rss[$tool]}" | median) / 1024" | bc -l)" \
    "$(echo "${bytes[$tool]} / 1000000" | bc -l)"
done
echo "(peak RSS of the xargs-driven tools is that of their largest single process)"
