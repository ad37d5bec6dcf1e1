#!/usr/bin/env bash
# references.sh CORPUS: the reference every benchmark scores copies against, made once and kept in
# CORPUS/.reference: each input of the corpus fitted to 1920×1920 in linear light, in floating point, by
# ImageMagick's HDRI build, kept as 16-bit PNG. Used by compare.sh and quality.sh (which install the tools).
set -euo pipefail
corpus=$1
ref="$corpus/.reference"
mkdir -p "$ref"
for f in "$corpus"/jpeg12/*.jpg "$corpus"/jpeg24/*.jpg "$corpus"/png/*.png; do
  r="$ref/$(basename "${f%.*}").png"
  [ -s "$r" ] || convert-im6.q16hdri "$f" -colorspace RGB -filter Lanczos -resize 1920x1920 -colorspace sRGB \
    -depth 16 "$r"
done
