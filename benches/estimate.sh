#!/usr/bin/env bash
# estimate.sh [FOLDER...]: how close the dry run's estimate comes to the real run. For each folder (default: the
# benchmark corpus of benches/make-corpus.sh, in $CORPUS or benches/corpus, and $SMALL when set) and each of
# JPEG q85 (same format), WebP q80, AVIF and a 150 KB target size, it runs `shrinkray-cli --dry-run --json`,
# then the real run into a fresh folder, and prints a Markdown table: estimated and real output bytes, estimated
# and real wall time, and the error of each. THREADS (default 2) for both. Run from the project root.
set -euo pipefail
threads=${THREADS:-2}
corpus=${CORPUS:-benches/corpus}
if [ $# -eq 0 ]; then
  [ -d "$corpus/jpeg12" ] || benches/make-corpus.sh "$corpus"
  set -- "$corpus/jpeg12 $corpus/jpeg24 $corpus/png"
  [ -n "${SMALL:-}" ] && set -- "$@" "$SMALL"
fi
cargo build --release --quiet --bin shrinkray-cli
cli=$PWD/target/release/shrinkray-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "| inputs | settings | images | estimated bytes | real bytes | error | estimated time | real time | error |"
echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for inputs in "$@"; do
  for setting in "jpeg-q85:--quality 85" "webp-q80:--format webp --quality 80" "avif:--format avif" \
    "target-150KB:--target-size 150KB"; do
    name=${setting%%:*}
    flags=${setting#*:}
    if [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]]; then
      continue
    fi
    out="$work/out"
    rm -rf "$out"
    # shellcheck disable=SC2086
    est=$("$cli" --dry-run --json -j "$threads" --out "$out" $flags $inputs | grep '"event":"estimate"')
    start=$(date +%s.%N)
    # shellcheck disable=SC2086
    "$cli" -j "$threads" --out "$out" $flags $inputs >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    real_bytes=$(find "$out" -type f -not -path '*/.shrinkray/*' -printf '%s\n' | awk '{s+=$1} END {print s+0}')
    python3 - "$est" "$real_bytes" "$start" "$end" "$inputs" "$name" <<'PY'
import json, sys
e = json.loads(sys.argv[1]); real = int(sys.argv[2]); t = float(sys.argv[4]) - float(sys.argv[3])
label = " ".join(p.rstrip("/").split("/")[-1] for p in sys.argv[5].split())
eb, es = e["output_bytes"] or 0, e["seconds"] or 0.0
print(f"| {label} | {sys.argv[6]} | {e['images']} | {eb/1e6:.1f} MB | {real/1e6:.1f} MB | {(eb/real-1)*100:+.0f} % "
      f"| {es:.1f} s | {t:.1f} s | {(es/t-1)*100:+.0f} % |")
PY
  done
done
