#!/usr/bin/env bash
# references.sh CORPUS: the reference every benchmark scores copies against, made once and kept in
# CORPUS/.reference: each input of the corpus fitted to 1920×1920 in linear light, in floating point, by
# ImageMagick's HDRI build, kept as 16-bit PNG. Used by compare.sh and quality.sh (which install the tools).
# And a second, independent of it, in CORPUS/.reference-srgb: ImageMagick's Lanczos on the sRGB values, as most
# tools resample (quality.sh scores against both, so no encoder wins by matching one resampling).
set -euo pipefail
corpus=$1
ref="$corpus/.reference"
mkdir -p "$ref"
for f in "$corpus"/jpeg12/*.jpg "$corpus"/jpeg24/*.jpg "$corpus"/png/*.png; do
  r="$ref/$(basename "${f%.*}").png"
  [ -s "$r" ] || convert-im6.q16hdri "$f" -colorspace RGB -filter Lanczos -resize 1920x1920 -colorspace sRGB \
    -depth 16 "$r"
done
srgb="$corpus/.reference-srgb"
mkdir -p "$srgb"
for f in "$corpus"/jpeg12/*.jpg "$corpus"/jpeg24/*.jpg; do
  r="$srgb/$(basename "${f%.*}").png"
  [ -s "$r" ] || convert "$f" -auto-orient -filter Lanczos -resize 1920x1920 "$r"
done
