#!/usr/bin/env bash
# watch-soak.sh: `shrinkray-cli --watch` for ten minutes while a writer drops 10,000 photos of about 2 MP into
# 10 folders (some written slowly in chunks, some renamed into place from a hidden .part, some replaced by
# another photo after their copy was made). Then checks that every input has exactly its copy, made from its
# final bytes, with no numbered duplicates and no failures, and prints the watcher's RSS (start, peak, end)
# and the delay from a file's completion to its copy (median, p99). See benches/watch-soak.py.
#
# FILES (default 10000) and MINUTES (default 10) scale it; ARGS replaces the size options (--long-edge 800).
# Needs the benchmark corpus (benches/make-corpus.sh; $CORPUS or benches/corpus) and ImageMagick, and about
# 4 GB of disk for the photos and their copies.
set -euo pipefail
corpus=${CORPUS:-benches/corpus}
[ -d "$corpus/jpeg12" ] || benches/make-corpus.sh "$corpus"
command -v convert >/dev/null || benches/install-tools.sh
cargo build --release --quiet --bin shrinkray-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/sources"
# 40 distinct sources of 1632×1224 (2 MP) at quality 88, as a phone or a camera's small setting writes them.
for f in $(ls "$corpus"/jpeg12/*.jpg | head -40); do
  convert "$f" -resize 1632x1224 -quality 88 "$work/sources/$(basename "$f")"
done
python3 benches/watch-soak.py --cli target/release/shrinkray-cli --sources "$work/sources" --work "$work" \
  --files "${FILES:-10000}" --seconds "$(( ${MINUTES:-10} * 60 ))" --args "${ARGS:---long-edge 800}"
