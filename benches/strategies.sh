#!/usr/bin/env bash
# strategies.sh [CORPUS]: the experiment Shrinkray was born from. The same per-image work (the engine's real
# process_task: read, decode, resize to a long edge of 1600 px, encode, write atomically) over two sets, scheduled
# four ways: a sequential loop; std::thread::spawn for every image at once; a fixed split into equal chunks, one
# thread each; and Shrinkray's job (its named rayon pool, events over the channel) at 1 and 2 threads.
#   small: 10,000 photos of 640×480 (hard links of 20 crops of the corpus, as compare.sh makes them)
#   mixed: the same, then 10 photos of 24 MP (6000×4000) at the end of the folder: uneven work
#   large: 1,000 photos of 12 MP (4000×3000; the corpus's 100, ten names each): every image needs real memory
#          while it is decoded
# Prints a table: wall time, CPU time, peak RSS, and for spawn and chunks how long the last thread ran alone.
# Each run but spawn is made REPEAT times (default 3) and the one with the median wall time is shown. SETS
# (default "small mixed large") chooses the sets.
# The thread-per-image run is watched: past 8 GB of RSS it is killed and reported as such (the machine is kept).
# CORPUS: a folder made by benches/make-corpus.sh (default: made in $TMPDIR/shrinkray-corpus when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-${TMPDIR:-/tmp}/shrinkray-corpus}
[ -d "$corpus/jpeg24" ] || benches/make-corpus.sh "$corpus"
if ! command -v convert >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends imagemagick >/dev/null
fi
cargo bench --bench strategies --no-run >/dev/null 2>&1 || cargo bench --bench strategies --no-run
bin=$(ls -t target/release/deps/strategies-* | grep -v '\.d$' | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
limit_mb=8192

# The sets.
mkdir -p "$work/seed" "$work/small/photos" "$work/mixed/photos"
i=0
for f in "$corpus"/jpeg12/*.jpg; do
  [ $i -lt 20 ] || break
  convert "$f" -resize 640x480 -quality 90 "$work/seed/$i.jpg"
  i=$((i + 1))
done
for n in $(seq 0 9999); do
  name=$(printf 'img-%05d.jpg' "$n")
  ln "$work/seed/$((n % 20)).jpg" "$work/small/photos/$name"
  ln "$work/seed/$((n % 20)).jpg" "$work/mixed/photos/$name"
done
mkdir -p "$work/large/photos"
for f in "$corpus"/jpeg12/*.jpg; do
  for c in 0 1 2 3 4 5 6 7 8 9; do
    ln "$f" "$work/large/photos/$c-$(basename "$f")" 2>/dev/null || cp "$f" "$work/large/photos/$c-$(basename "$f")"
  done
done
k=0
for f in "$corpus"/jpeg24/*.jpg; do
  [ $k -lt 10 ] || break
  cp "$f" "$work/mixed/photos/zz-large-$k.jpg"
  k=$((k + 1))
done

repeat=${REPEAT:-3}

# run SET STRATEGY THREADS: REPEAT measured runs (one for spawn); prints the row of the median one.
run() {
  local n=$repeat i
  [ "$2" = spawn ] && n=1
  : >"$work/rows"
  for i in $(seq "$n"); do once "$@" >>"$work/rows"; done
  # Sorted by wall time (failed rows have none and sort first); the middle one.
  sort -t'|' -k5,5n "$work/rows" | sed -n "$(( (n + 1) / 2 ))p"
}

# once SET STRATEGY THREADS: one measured run into a fresh output folder; prints a table row.
once() {
  local set=$1 strategy=$2 threads=$3 out="$work/out" line peak=0 rss pid status
  rm -rf "$out"
  "$bin" "$strategy" "$work/$set/photos" "$out" "$threads" >"$work/line" 2>"$work/err" &
  pid=$!
  # The watchdog: the kernel's RSS of the run, read ten times a second.
  while kill -0 $pid 2>/dev/null; do
    rss=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$pid/status 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss
    if [ "${rss:-0}" -gt $limit_mb ]; then
      kill -9 $pid
      break
    fi
    sleep 0.1
  done
  status=0
  wait $pid || status=$?
  line=$(grep '^strategy=' "$work/line" || true)
  if [ -z "$line" ]; then
    local why
    why=$(cat "$work/line" "$work/err" | head -1)
    [ $status = 137 ] && why="killed by the watchdog at ${peak} MB RSS (limit ${limit_mb} MB)"
    printf '| %s | %s | %s | failed: %s | | %s+ | |\n' "$set" "$strategy" "$threads" "${why:-exit $status}" "$peak"
    return
  fi
  eval "$(echo "$line" | tr ' ' '\n' | grep '=' | sed 's/^/local /')"
  printf '| %s | %s | %s | %s | %s | %s | %s |\n' "$set" "$strategy" "$threads" "$wall_s" "$cpu_s" "$peak_rss_mb" "$straggle_s"
}

echo "| set | strategy | threads | wall (s) | CPU (s) | peak RSS (MB) | last thread alone (s) |"
echo "|---|---|---|---|---|---|---|"
for set in ${SETS:-small mixed large}; do
  run "$set" loop 1
  run "$set" spawn all
  run "$set" chunks 2
  run "$set" pool 1
  run "$set" pool 2
done
