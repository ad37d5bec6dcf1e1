#!/usr/bin/env bash
# make-appimage.sh: lays out an AppDir from a release build and, when appimagetool is on PATH, packs it into
# target/Shrinkray-x86_64.AppImage. Run from the project root:
#   ./run build && packaging/linux/make-appimage.sh
# appimagetool is not in Debian: take it from the AppImage project's releases and put it on PATH. The AppDir
# alone runs too: target/Shrinkray.AppDir/AppRun.
set -euo pipefail
id=org.shrinkray.Shrinkray
dir=target/Shrinkray.AppDir
rm -rf "$dir"
mkdir -p "$dir/usr/bin" "$dir/usr/share/applications" "$dir/usr/share/metainfo" \
  "$dir/usr/share/icons/hicolor/256x256/apps" "$dir/usr/share/icons/hicolor/scalable/apps"
cp target/release/shrinkray target/release/shrinkray-cli "$dir/usr/bin/"
cp packaging/linux/$id.desktop "$dir/usr/share/applications/"
cp packaging/linux/$id.metainfo.xml "$dir/usr/share/metainfo/$id.appdata.xml"
cp assets/icon-256.png "$dir/usr/share/icons/hicolor/256x256/apps/$id.png"
cp assets/icon.svg "$dir/usr/share/icons/hicolor/scalable/apps/$id.svg"
# appimagetool wants the entry and the icon at the top of the AppDir too.
cp packaging/linux/$id.desktop "$dir/"
cp assets/icon-256.png "$dir/$id.png"
cat > "$dir/AppRun" <<'RUN'
#!/bin/sh
here=$(dirname "$(readlink -f "$0")")
exec "$here/usr/bin/shrinkray" "$@"
RUN
chmod +x "$dir/AppRun"
if command -v appimagetool >/dev/null; then
  ARCH=x86_64 appimagetool "$dir" target/Shrinkray-x86_64.AppImage
else
  echo "AppDir ready at $dir; install appimagetool to pack it into an AppImage"
fi
