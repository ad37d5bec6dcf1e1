#!/usr/bin/env bash
# ab.sh ROUNDS CLI_A CLI_B [CLI...]: two (or more) builds of shrinkray-cli against each other and vipsthumbnail, on
# the JPEGs of the benchmark corpus ($CORPUS or benches/corpus) with compare.sh's command line (fit 1920×1920,
# quality 85, 2 workers), interleaved over ROUNDS rounds; then whether the copies of A and B are byte-identical
# (the manifest folder aside). For a change meant to keep every byte, e.g. a speed lever: build before and after,
# copy the first binary away, run `benches/ab.sh 5 /tmp/before-cli target/release/shrinkray-cli`.
# Prints each run's wall, user and system seconds and peak RSS (KB), and the medians of the walls.
set -euo pipefail
rounds=${1:?usage: ab.sh ROUNDS CLI_A CLI_B [CLI...]}
shift
[ $# -ge 2 ] || { echo "usage: ab.sh ROUNDS CLI_A CLI_B [CLI...]" >&2; exit 2; }
corpus=${CORPUS:-benches/corpus}
[ -d "$corpus/jpeg12" ] || benches/make-corpus.sh "$corpus"
command -v vipsthumbnail >/dev/null && [ -x /usr/bin/time ] || benches/install-tools.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ls "$corpus"/jpeg12/*.jpg "$corpus"/jpeg24/*.jpg > "$work/jpegs"
declare -A walls
for r in $(seq 1 "$rounds"); do
  i=0
  for cli in "$@"; do
    i=$((i + 1))
    rm -rf "$work/out$i" && mkdir -p "$work/out$i"
    # shellcheck disable=SC2046 # one argument per file
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$cli" --out "$work/out$i" --width 1920 --height 1920 \
      --quality 85 --threads 2 $(cat "$work/jpegs") > /dev/null
    read -r wall user sys rss < "$work/time"
    walls[$i]+="$wall "
    echo "round $r, $cli: wall $wall s, user $user s, system $sys s, peak RSS $rss KB"
  done
  rm -rf "$work/vips" && mkdir -p "$work/vips"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" \
    bash -c "VIPS_CONCURRENCY=1 xargs -P 2 -n 8 vipsthumbnail -s 1920 -o '$work/vips/%s.jpg[Q=85]' < '$work/jpegs'"
  read -r wall user sys rss < "$work/time"
  walls[vips]+="$wall "
  echo "round $r, vipsthumbnail: wall $wall s, user $user s, system $sys s, peak RSS $rss KB"
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
vips=$(echo "${walls[vips]}" | median)
i=0
for cli in "$@"; do
  i=$((i + 1))
  m=$(echo "${walls[$i]}" | median)
  echo "median wall, $cli: $m s ($(echo "scale=3; $m / $vips" | bc)x vipsthumbnail's $vips s)"
done
if diff -r -x .shrinkray "$work/out1" "$work/out2" > /dev/null; then
  echo "the copies of $1 and $2 are byte-identical"
else
  echo "the copies of $1 and $2 DIFFER"
  exit 1
fi
