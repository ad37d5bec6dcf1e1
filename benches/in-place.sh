#!/usr/bin/env bash
# in-place.sh: shrinking a library where it is, then undoing it. The benchmark corpus (benches/make-corpus.sh;
# $CORPUS or benches/corpus: 100 × 12 MP and 20 × 24 MP JPEGs) is copied to a temporary folder, shrunk in place
# with quality by look "high" (fit 3840×3840, THREADS workers, default 2), the originals going to a freedesktop
# Trash under a temporary XDG_DATA_HOME; then `--undo last` puts them back. Checks that after the run every file
# decodes and is smaller or untouched, and that after the undo every original is byte-identical to the start.
# Prints the bytes saved and the times. About 2 minutes.
#
# ARGS replaces the size and quality options (default: --quality high --width 3840 --height 3840).
# KILLS=N (default 0) adds the kill loop: N in-place runs each killed with SIGKILL at a random moment and
# followed by the next, checking after every kill that no photo is lost (each is its original, or a smaller
# good copy whose original is in the Trash), then one run to the end and the undo. It says how many kills
# landed after a run had swapped photos (the ones that test the swap).
set -euo pipefail
threads=${THREADS:-2}
corpus=${CORPUS:-benches/corpus}
kills=${KILLS:-0}
[ -d "$corpus/jpeg12" ] || benches/make-corpus.sh "$corpus"
command -v identify >/dev/null || benches/install-tools.sh
cargo build --release --quiet --bin shrinkray-cli
cli=$PWD/target/release/shrinkray-cli

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SHRINKRAY_STATE_DIR="$work/state" XDG_DATA_HOME="$work/data"
lib="$work/library"
mkdir -p "$lib"
cp -r "$corpus/jpeg12" "$corpus/jpeg24" "$lib/"
(cd "$lib" && find . -type f -print0 | sort -z | xargs -0 sha256sum) > "$work/start.sha256"
count=$(wc -l < "$work/start.sha256")
bytes_before=$(du -sb "$lib" | cut -f1)
args=${ARGS:---quality high --width 3840 --height 3840}
# shellcheck disable=SC2086 # ARGS holds several options
shrink() { "$cli" --in-place $args --threads "$threads" "$lib" "$@"; }

# Every file is its original (its hash in start.sha256), or a good smaller copy whose original is in the Trash.
check_nothing_lost() {
  local what=$1 trashed=0 untouched=0
  (cd "$XDG_DATA_HOME/Trash/files" 2>/dev/null && find . -type f -print0 | xargs -0 -r sha256sum | cut -d' ' -f1 | sort -u) > "$work/trash.hashes" || : > "$work/trash.hashes"
  while read -r hash name; do
    now=$(sha256sum "$lib/$name" 2>/dev/null | cut -d' ' -f1 || true)
    if [ "$now" = "$hash" ]; then untouched=$((untouched + 1)); continue; fi
    if ! grep -qx "$hash" "$work/trash.hashes"; then echo "LOST after $what: $name" >&2; exit 1; fi
    identify -regard-warnings "$lib/$name" >/dev/null 2>&1 || { echo "BAD COPY after $what: $name" >&2; exit 1; }
    trashed=$((trashed + 1))
  done < "$work/start.sha256"
  [ $((trashed + untouched)) -eq "$count" ] || { echo "count mismatch after $what" >&2; exit 1; }
  echo "$trashed $untouched"
}

# Undoes every in-place run so far (newest first; an undone swap is marked in its journal and never undone twice).
undo_all() {
  local journal
  for journal in $(ls -r "$SHRINKRAY_STATE_DIR/in-place"/*.jsonl 2>/dev/null); do
    "$cli" --undo "$journal" >> "$work/undo.txt" 2>&1 || true
  done
}

mid_run=0 restarts=0
if [ "$kills" -gt 0 ]; then
  # A kill before the first swap proves little, so the moment is drawn from a window that widens (by 1 s) after
  # every kill that swapped nothing new; a run that ends before its kill has shrunk the whole library, which is
  # then undone, so later kills land in real work again.
  window=2 before=0
  for k in $(seq 1 "$kills"); do
    # The program itself in the background (not a function's subshell), so the kill reaches it.
    # shellcheck disable=SC2086
    "$cli" --in-place $args --threads "$threads" "$lib" > /dev/null 2>&1 &
    pid=$!
    sleep "$(awk -v r="$RANDOM" -v w="$window" 'BEGIN { printf "%.3f", 0.05 + w * (r % 1000) / 1000 }')"
    kill -9 "$pid" 2>/dev/null || true
    rc=0
    wait "$pid" 2>/dev/null || rc=$?
    read -r trashed untouched < <(check_nothing_lost "kill $k")
    what="killed"
    if [ "$rc" -ne 137 ]; then
      what="had finished (exit $rc); undone"
      undo_all
      restarts=$((restarts + 1))
      read -r trashed untouched < <(check_nothing_lost "undo after kill $k")
    elif [ "$trashed" -gt "$before" ]; then
      mid_run=$((mid_run + 1))
    else
      window=$((window + 1))
    fi
    before=$trashed
    echo "kill $k: $what; $trashed swapped (originals in the Trash), $untouched untouched, none lost"
  done
  echo "$mid_run of $kills kills landed after a run had swapped photos; $restarts runs finished before their kill"
fi

start=$(date +%s.%N)
shrink > "$work/run.txt"
end=$(date +%s.%N)
tail -1 "$work/run.txt"
read -r swapped untouched < <(check_nothing_lost "the run")
# After a whole run: every file decodes, and is smaller than its original or is it.
while read -r hash name; do
  identify -regard-warnings "$lib/$name" >/dev/null 2>&1 || { echo "does not decode: $name" >&2; exit 1; }
done < "$work/start.sha256"
leftovers=$(find "$lib" -name '.shrinkray-tmp-*' | wc -l)
[ "$leftovers" -eq 0 ] || { echo "$leftovers temporary files left in the library" >&2; exit 1; }
bytes_after=$(du -sb "$lib" | cut -f1)

undo_start=$(date +%s.%N)
undo_all
undo_end=$(date +%s.%N)
(cd "$lib" && sha256sum --quiet -c "$work/start.sha256") || { echo "undo did not restore every original" >&2; exit 1; }

awk -v n="$count" -v s="$swapped" -v u="$untouched" -v b="$bytes_before" -v a="$bytes_after" \
    -v t0="$start" -v t1="$end" -v u0="$undo_start" -v u1="$undo_end" -v k="$kills" 'BEGIN {
  printf "| photos | replaced | untouched | before | after | saved | in-place run | undo | kills survived |\n"
  printf "|---|---|---|---|---|---|---|---|---|\n"
  printf "| %d | %d | %d | %.1f MB | %.1f MB | %.1f %% | %.1f s | %.1f s | %d |\n", n, s, u, b / 1e6, a / 1e6, 100 * (b - a) / b, t1 - t0, u1 - u0, k
}'
echo "after the undo every original is byte-identical to the start"
