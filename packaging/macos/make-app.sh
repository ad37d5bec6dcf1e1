#!/usr/bin/env bash
# make-app.sh: assembles Shrinkray.app from a release build, on a Mac (run from the project root):
#   ./run build && packaging/macos/make-app.sh && open target/Shrinkray.app
# For a universal build, build both targets and join them with `lipo` before running this.
set -euo pipefail
app=target/Shrinkray.app
rm -rf "$app"
mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp packaging/macos/Info.plist "$app/Contents/Info.plist"
cp target/release/shrinkray target/release/shrinkray-cli "$app/Contents/MacOS/"
cp assets/icon.icns "$app/Contents/Resources/Shrinkray.icns"
# Ad-hoc signature so Gatekeeper lets the local build run; sign with a Developer ID to distribute.
codesign --force --deep --sign - "$app" 2>/dev/null || echo "codesign not available: the bundle is unsigned"
echo "$app"
