#!/usr/bin/env bash
# frames.sh: the frame budget of the real app over a big batch. Runs target/release/shrinkray under Xvfb on FOLDER
# with SHRINKRAY_FRAME_STATS=1, presses Start, waits for the job to end and prints the app's line
#   shrinkray: frame CPU while running: N frames, median … ms, p99 … ms, max … ms
# (eframe's cpu_usage per frame: the app's ui plus rendering, on Mesa's llvmpipe here). Aim: p99 under 8 ms.
#
# usage: benches/frames.sh FOLDER      (e.g. the 10,000-image folder benches/make-corpus.sh makes)
# needs: Xvfb and xdotool (Debian: apt-get install xvfb xdotool); builds the app first if it is missing.
set -eu
[ $# = 1 ] || { echo "usage: $0 FOLDER" >&2; exit 2; }
folder=$(realpath "$1")
cd "$(dirname "$0")/.."
command -v Xvfb >/dev/null && command -v xdotool >/dev/null || { echo "frames.sh needs Xvfb and xdotool" >&2; exit 2; }
[ -x target/release/shrinkray ] || cargo build --release --bin shrinkray
work=$(mktemp -d)
# Xvfb picks a free display itself and writes its number once it is ready.
Xvfb -displayfd 3 -screen 0 1280x800x24 3>"$work/display" >/dev/null 2>&1 &
xvfb=$!
app=
trap 'kill $app $xvfb 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$work/display" ] && break; sleep 0.1; done
display=:$(cat "$work/display")
# A fresh HOME: default settings, and the copies go to $HOME/Pictures/resized.
DISPLAY=$display HOME=$work LIBGL_ALWAYS_SOFTWARE=1 WAYLAND_DISPLAY= SHRINKRAY_FRAME_STATS=1 \
  target/release/shrinkray "$folder" >"$work/app.log" 2>&1 &
app=$!
for _ in $(seq 60); do
  win=$(DISPLAY=$display xdotool search --pid $app 2>/dev/null | tail -1 || true)
  [ -n "$win" ] && break
  sleep 1
done
[ -n "$win" ] || { echo "no window; the app said:" >&2; cat "$work/app.log" >&2; exit 1; }
sleep 5 # the folder is counted
DISPLAY=$display xdotool windowfocus "$win"
sleep 0.3
DISPLAY=$display xdotool key Return
start=$(date +%s)
until grep -q "frame CPU while running" "$work/app.log"; do
  kill -0 $app 2>/dev/null || { echo "the app exited:" >&2; cat "$work/app.log" >&2; exit 1; }
  sleep 1
done
echo "$(find "$work/Pictures/resized" -type f -not -path '*/.shrinkray/*' | wc -l) images in $(( $(date +%s) - start )) s"
grep -E "frame CPU while running|of which the app" "$work/app.log"
