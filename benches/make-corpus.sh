#!/usr/bin/env bash
# make-corpus.sh DIR: builds the benchmark corpus deterministically from real photographs in Debian's wallpaper
# packages (mate-backgrounds, lomiri-wallpapers*): 100 JPEGs of 12 MP (4000×3000, photo-NNN) and 20 of 24 MP (6000×4000, large-NNN),
# quality 92 with 4:2:0 chroma, plus 20 PNGs of 4 MP, each a different crop and colour variant.
#   DIR/jpeg12/  DIR/jpeg24/  DIR/png/
# Needs (installed here when missing, as root): ImageMagick, and apt-get access to Debian's packages.
set -euo pipefail
out=${1:?usage: make-corpus.sh DIR}
mkdir -p "$out"
out=$(cd "$out" && pwd)
if ! command -v magick >/dev/null && ! [ -x /usr/bin/convert ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends imagemagick >/dev/null
fi
im=/usr/bin/convert; command -v magick >/dev/null && im=magick
src="$out/.sources"
if [ ! -d "$src/x" ]; then
  mkdir -p "$src" && (cd "$src" && apt-get download mate-backgrounds lomiri-wallpapers lomiri-wallpapers-16.04 lomiri-wallpapers-20.04 >/dev/null)
  for deb in "$src"/*.deb; do dpkg -x "$deb" "$src/x"; done
fi
# Photographs only (the PNGs in these packages are drawings), largest first so crops come from real detail.
mapfile -t photos < <(find "$src/x" -type f -iname '*.jpg' -size +300k -printf '%s %p\n' | sort -k1,1nr -k2 | cut -d' ' -f2-)
n=${#photos[@]}
[ "$n" -gt 0 ] || { echo "make-corpus.sh: no photographs found in the packages" >&2; exit 1; }

# variant I SRC W H FILE: crop a region chosen by I, vary the colours by I, scale to W×H.
variant() {
  local i=$1 s=$2 w=$3 h=$4 f=$5
  local gx=$(( (i * 37) % 21 )) gy=$(( (i * 53) % 21 )) bright=$(( 90 + (i * 7) % 21 )) sat=$(( 80 + (i * 11) % 41 )) hue=$(( 90 + (i * 13) % 21 ))
  # Crop 80% of the picture at an offset that moves with I, then fill W×H exactly.
  $im "$s" -auto-orient -gravity NorthWest -crop "80%x80%+$(( gx * 2 ))%+$(( gy * 2 ))%" +repage \
    -modulate "$bright,$sat,$hue" -resize "${w}x${h}^" -gravity center -extent "${w}x${h}" \
    -strip "${@:6}" "$f"
}
mkdir -p "$out/jpeg12" "$out/jpeg24" "$out/png"
for i in $(seq 0 99); do
  f=$(printf '%s/jpeg12/photo-%03d.jpg' "$out" "$i")
  [ -s "$f" ] || variant "$i" "${photos[i % n]}" 4000 3000 "$f" -quality 92 -sampling-factor 2x2
done
for i in $(seq 0 19); do
  f=$(printf '%s/jpeg24/large-%03d.jpg' "$out" "$i")
  [ -s "$f" ] || variant "$((i + 100))" "${photos[(i * 3 + 1) % n]}" 6000 4000 "$f" -quality 92 -sampling-factor 2x2
  f=$(printf '%s/png/picture-%03d.png' "$out" "$i")
  [ -s "$f" ] || variant "$((i + 200))" "${photos[(i * 5 + 2) % n]}" 2400 1600 "$f"
done
echo "corpus in $out: $(ls "$out/jpeg12" | wc -l) × 12 MP JPEG, $(ls "$out/jpeg24" | wc -l) × 24 MP JPEG, $(ls "$out/png" | wc -l) PNG"
