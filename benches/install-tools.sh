#!/usr/bin/env bash
# install-tools.sh: what the comparison benchmarks (compare.sh, quality.sh) run besides Shrinkray, installed from
# Debian's packages when missing (as root): vipsthumbnail, mogrify, ImageMagick's HDRI build (the references),
# GNU time, bc and cjxl.
set -euo pipefail
need=()
command -v vipsthumbnail >/dev/null || need+=(libvips-tools)
[ -x /usr/bin/mogrify ] || need+=(imagemagick)
[ -x /usr/bin/convert-im6.q16hdri ] || need+=(imagemagick-6.q16hdri)
[ -x /usr/bin/time ] || need+=(time)
command -v bc >/dev/null || need+=(bc)
command -v cjxl >/dev/null || need+=(libjxl-tools)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
