#!/usr/bin/env bash
# jxl-reversible.sh: "JPEG XL from the JPEG" on the benchmark corpus (benches/make-corpus.sh; $CORPUS or
# benches/corpus: 100 × 12 MP and 20 × 24 MP JPEGs).
#   1. Each photo fitted to 1920×1920 as JPEG (q85) and as jxl-from-jpeg with the same options: `djxl` must give
#      back each JPEG copy byte for byte; prints how many did and the bytes of both sets.
#   2. Each original stored whole (--percent 100: no resize, so the original itself goes into the JPEG XL):
#      `djxl` must give back each original byte for byte; prints how many did and the bytes saved.
# Needs the system's libjxl and djxl (Debian: libjxl0.7, libjxl-tools). THREADS workers (default 2).
set -euo pipefail
threads=${THREADS:-2}
corpus=${CORPUS:-benches/corpus}
[ -d "$corpus/jpeg12" ] || benches/make-corpus.sh "$corpus"
cargo build --release --quiet --bin shrinkray-cli
cli=$PWD/target/release/shrinkray-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/in"
cp "$corpus"/jpeg12/*.jpg "$corpus"/jpeg24/*.jpg "$work/in/"
bytes() { find "$1" -type f -name "*.$2" -printf '%s\n' | awk '{s+=$1} END {print s}'; }

# Reconstructs every .jxl under $1 and compares it with the file of the same name under $2 (ending $3).
check() {
  local same=0 total=0
  for jxl in "$1"/*.jxl; do
    name=$(basename "${jxl%.jxl}")
    djxl "$jxl" "$work/back.jpg" > /dev/null 2>&1
    total=$((total + 1))
    cmp -s "$work/back.jpg" "$2/$name.$3" && same=$((same + 1))
  done
  echo "$same of $total"
}

"$cli" --threads "$threads" --width 1920 --height 1920 --format jpeg --out "$work/jpeg" "$work/in" > /dev/null
"$cli" --threads "$threads" --width 1920 --height 1920 --format jxl-from-jpeg --out "$work/jxl" "$work/in" > /dev/null
j=$(bytes "$work/jpeg" jpg); x=$(bytes "$work/jxl" jxl)
echo "fitted to 1920: $(check "$work/jxl/in" "$work/jpeg/in" jpg) JPEG copies given back byte for byte;" \
  "JPEG $j bytes, JPEG XL $x bytes ($(echo "scale=1; (1 - $x / $j) * 100" | bc) % fewer)"

/usr/bin/time -f "%e" -o "$work/time" \
  "$cli" --threads "$threads" --percent 100 --format jxl-from-jpeg --out "$work/whole" "$work/in" > /dev/null
o=$(bytes "$work/in" jpg); w=$(bytes "$work/whole" jxl)
echo "originals stored whole: $(check "$work/whole/in" "$work/in" jpg) originals given back byte for byte;" \
  "JPEG $o bytes, JPEG XL $w bytes ($(echo "scale=1; (1 - $w / $o) * 100" | bc) % fewer) in $(cat "$work/time") s"
