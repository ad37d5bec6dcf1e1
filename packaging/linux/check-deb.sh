#!/usr/bin/env bash
# check-deb.sh [SHOT.png]: builds the .deb, installs it with dpkg, checks that the menu entry, icons and
# AppStream data are in place and valid, that every file-manager action of packaging/linux/file-manager/ is
# installed and validates, then starts the installed app from its desktop entry's Exec line in a
# real X11 window (Xvfb, software rendering) for a few seconds and saves a screenshot. Run as root from the
# project root. Installs what it needs from Debian's packages.
set -euo pipefail
shot=${1:-target/debian/installed-app.png}
need=()
command -v Xvfb >/dev/null || need+=(xvfb)
[ -x /usr/bin/import ] || need+=(imagemagick)
command -v desktop-file-validate >/dev/null || need+=(desktop-file-utils)
command -v python3 >/dev/null || need+=(python3)
command -v appstreamcli >/dev/null || need+=(appstream)
command -v dpkg-shlibdeps >/dev/null || need+=(dpkg-dev)
dpkg -s libgl1-mesa-dri >/dev/null 2>&1 || need+=(libgl1-mesa-dri libegl1 libgl1 libxkbcommon-x11-0 mesa-vulkan-drivers)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
command -v cargo-deb >/dev/null || cargo install cargo-deb --locked
./run setup   # what the build needs (CMake, NASM), from the one list in ./run

cargo deb
deb=$(ls -t target/debian/shrinkray_*.deb | head -1)
echo "== $deb"
dpkg-deb --contents "$deb" | awk '{print $6}'
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null

id=org.shrinkray.Shrinkray
desktop=/usr/share/applications/$id.desktop
fail() { echo "check-deb.sh: $*" >&2; exit 1; }
[ -f "$desktop" ] || fail "no menu entry at $desktop"
desktop-file-validate "$desktop" || fail "invalid desktop entry: $desktop"
appstreamcli validate --no-net "/usr/share/metainfo/$id.metainfo.xml" || fail "invalid AppStream data"
for size in 16 24 32 48 64 128 256 512; do
  [ -f "/usr/share/icons/hicolor/${size}x${size}/apps/$id.png" ] || fail "no ${size}px icon"
done
[ -f "/usr/share/icons/hicolor/scalable/apps/$id.svg" ] || fail "no scalable icon"
# "Resize with Shrinkray": every file the repository's packaging/linux/file-manager/ holds is installed where its
# file manager reads it, and validates (a KDE service menu draws only the validator's objections to MimeType and
# Actions in a Service; Nemo and FileManager-Actions files are not desktop entries: their keys are checked).
while IFS= read -r -d '' file; do
  rel=${file#packaging/linux/file-manager/}
  installed=/usr/share/$rel
  [ -f "$installed" ] || fail "no file-manager action at $installed"
  cmp -s "$file" "$installed" || fail "the installed $installed differs from $file"
  case $rel in
    Thunar/sendto/*) desktop-file-validate "$installed" || fail "invalid Thunar entry: $installed" ;;
    kio/servicemenus/*)
      bad=$(desktop-file-validate "$installed" 2>&1 | grep -v 'key "MimeType" is present\|key "Actions" is present' || true)
      [ -z "$bad" ] || fail "invalid Dolphin service menu: $bad" ;;
    nemo/actions/*) grep -q '^\[Nemo Action\]' "$installed" && grep -q '^Exec=shrinkray --preset .* %F$' "$installed" \
      || fail "not a Nemo action: $installed" ;;
    file-manager/actions/*) grep -q '^Type=\(Action\|Menu\)$' "$installed" || fail "not a FileManager-Actions file: $installed" ;;
    nautilus-python/*) PYTHONPYCACHEPREFIX=$(mktemp -d) python3 -m py_compile "$installed" || fail "the Nautilus extension does not compile: $installed" ;;
  esac
done < <(find packaging/linux/file-manager -type f -print0)
grep -q 'inode/directory' "$desktop" && fail "the menu entry must not claim folders (inode/directory): $desktop"
command -v shrinkray-cli >/dev/null || fail "shrinkray-cli is not on PATH"
shrinkray-cli --version

# Start the app exactly as a menu would: the Exec line, with %F given a folder of pictures.
pictures=$(mktemp -d)
for i in 1 2 3; do convert -size 640x480 "plasma:fractal" "$pictures/picture-$i.jpg" 2>/dev/null || convert -size 640x480 xc:teal "$pictures/picture-$i.jpg"; done
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -1)
command_line=${exec_line//%F/$pictures}
disp=97; while [ -e /tmp/.X11-unix/X$disp ]; do disp=$((disp + 1)); done
Xvfb :$disp -screen 0 1180x700x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
sleep 1
echo "== starting: $command_line"
DISPLAY=:$disp XDG_RUNTIME_DIR=${XDG_RUNTIME_DIR:-$(mktemp -d)} WAYLAND_DISPLAY= $command_line >/tmp/shrinkray-installed.log 2>&1 &
app=$!
sleep 8
kill -0 $app 2>/dev/null || { cat /tmp/shrinkray-installed.log; fail "the installed app exited early"; }
mkdir -p "$(dirname "$shot")"
import -display :$disp -window root "$shot"
kill $app
echo "== screenshot: $shot"
