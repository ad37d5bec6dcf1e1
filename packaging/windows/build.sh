#!/usr/bin/env bash
# Cross-builds Shrinkray for Windows from Linux (x86_64-pc-windows-gnu, mingw-w64), through `./run windows`,
# which installs the cross tools first.
#
#   packaging/windows/build.sh              both programs (release) and the NSIS installer
#   packaging/windows/build.sh test [ARGS]  cargo test --target x86_64-pc-windows-gnu ARGS, run under Wine
#   packaging/windows/build.sh lint         clippy on the Windows build of every target (-D warnings)
#   packaging/windows/build.sh install-test the built installer under Wine: silent install, the installed CLI
#                                           run, silent uninstall, each checked
#
# The programs need no DLL beside them: libgcc, winpthread and libstdc++ are linked statically, and libheif
# (HEIC, AVIF) and libjxl (JPEG XL copies) are loaded at run time only if installed next to shrinkray.exe.
set -euo pipefail
cd "$(dirname "$0")/../.."

target=x86_64-pc-windows-gnu
say() { echo "windows: $*" >&2; }

if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx $target; then
  say "adding the Rust standard library for $target"
  rustup target add $target
fi

# The C parts (libjpeg-turbo with its SIMD code, libwebp) are built with the mingw-w64 tools; CMake is told the
# system it builds for, or it builds libjpeg-turbo for Linux.
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_LINKER=x86_64-w64-mingw32-gcc
export CC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-gcc
export CXX_x86_64_pc_windows_gnu=x86_64-w64-mingw32-g++
export AR_x86_64_pc_windows_gnu=x86_64-w64-mingw32-ar
export RC_x86_64_pc_windows_gnu=x86_64-w64-mingw32-windres
export CMAKE_SYSTEM_NAME=Windows CMAKE_SYSTEM_PROCESSOR=AMD64
# Static C runtime pieces (libgcc, winpthread), so the .exe files run with nothing beside them. jpegli is C++,
# and jpegli-sys asks for `-lstdc++` without saying how: the linker takes the first match in its search path,
# the DLL's import library in the compiler's own folder, so a folder holding only the static library is searched
# first.
static_libs=$PWD/target/windows-static-libs
if command -v x86_64-w64-mingw32-g++ >/dev/null; then
  mkdir -p "$static_libs"
  ln -sf "$(x86_64-w64-mingw32-g++ -print-file-name=libstdc++.a)" "$static_libs/libstdc++.a"
fi
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="-C target-feature=+crt-static -L native=$static_libs"

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)

# Wine for the tests: a prefix of the project's own (the user's ~/.wine is never touched), and the test-only
# shim DLL that lets Rust programs start under Wine 8.0, which lacks ProcessPrng (Rust's standard library
# imports it for its random numbers). The shim is found through WINEPATH (Wine's PATH); it is never installed
# or shipped, as real Windows has the real DLL.
wine_env() {
  local shim=target/wine-test
  # dll SOURCE OUTPUT [LIBS...]: builds a test-only DLL when missing or older than its source.
  dll() {
    local source=packaging/windows/wine-test/$1 out=$shim/$2
    shift 2
    mkdir -p "$(dirname "$out")"
    if [ ! -e "$out" ] || [ "$source" -nt "$out" ]; then
      x86_64-w64-mingw32-gcc -shared -O2 -o "$out" "$source" "$@"
    fi
  }
  dll bcryptprimitives-shim.c bcryptprimitives.dll -ladvapi32
  # A libheif.dll that is not libheif, for the test that plants it among the photos.
  dll planted.c planted/libheif.dll
  local windows_shim="Z:${PWD//\//\\}\\target\\wine-test"
  export SHRINKRAY_PLANTED_DLL="$windows_shim\\planted\\libheif.dll"
  export WINEPATH="$windows_shim"
  # The Chinese window's test draws with the host's CJK font (Wine has none; ./run test installs it).
  local cjk=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
  if [ -e "$cjk" ]; then export SHRINKRAY_CJK_FONT="Z:${cjk//\//\\}#2"; fi
  export WINEPREFIX="$PWD/target/wine-prefix" WINEDEBUG=${WINEDEBUG:--all}
  if [ ! -d "$WINEPREFIX/drive_c/windows" ]; then
    say "making the Wine prefix $WINEPREFIX"
    wineboot --init >/dev/null 2>&1 || true
    wineserver -w
  fi
}

case ${1:-} in
  lint)
    exec cargo clippy --target $target --all-targets -- -D warnings ;;
  test)
    shift
    wine_env
    export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER=wine
    exec cargo test --target $target "$@" ;;
  install-test)
    wine_env
    fail() { say "install test: $*"; exit 1; }
    dir="$WINEPREFIX/drive_c/Program Files/Shrinkray"
    menu="$WINEPREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/Shrinkray.lnk"
    wine "target/Shrinkray-$version-setup.exe" /S
    wineserver -w
    for f in shrinkray.exe shrinkray-cli.exe uninstall.exe LICENSE-MIT; do
      [ -f "$dir/$f" ] || fail "$f was not installed in $dir"
    done
    [ -f "$menu" ] || fail "no Start-menu entry at $menu"
    wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Shrinkray' >/dev/null 2>&1 \
      || fail "not listed in Apps & features"
    said=$(wine "$dir/shrinkray-cli.exe" --version 2>&1) || fail "the installed CLI did not run: $said"
    case $said in *"$version"*) ;; *) fail "the installed CLI says '$said'" ;; esac
    for root in 'SystemFileAssociations\image' Directory; do
      wine reg query "HKLM\\Software\\Classes\\$root\\shell\\Shrinkray\\shell\\00-web-1920\\command" >/dev/null 2>&1 \
        || fail "no 'Resize with Shrinkray' verb under $root"
    done
    say "installed: $(ls "$dir" | tr '\n' ' ')and the Start-menu entry; the installed CLI says '$said'"
    wine "$dir/uninstall.exe" /S
    wineserver -w
    [ ! -e "$dir" ] || fail "left behind after uninstalling: $(ls "$dir")"
    [ ! -e "$menu" ] || fail "the Start-menu entry was left behind"
    ! wine reg query 'HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Shrinkray' >/dev/null 2>&1 \
      || fail "still listed in Apps & features"
    ! wine reg query 'HKLM\Software\Classes\Directory\shell\Shrinkray' >/dev/null 2>&1 \
      || fail "the Explorer verb was left behind"
    say "uninstalled: the folder, the Start-menu entry and the registry keys are gone"
    exit 0 ;;
esac

# Symbol tables too: Windows profilers read PDB files, not them, and they are a quarter of each .exe.
export CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS="$CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUSTFLAGS -C strip=symbols"
# The CLI on its own, without the app's feature: built with it, the Windows linker kept most of the GUI stack
# in shrinkray-cli.exe (35.7 MB, importing dxgi, dwrite and uiautomationcore; 16.1 MB and only system basics
# without), which Linux's linker drops. It costs a second build of the library (about two minutes).
cargo build --release --target $target --bin shrinkray-cli --no-default-features --features cli,heif,jxl
cargo build --release --target $target --bin shrinkray
out=target/$target/release
# Nothing but Windows' own DLLs: a MinGW runtime DLL would be missing on the user's machine.
for exe in "$out/shrinkray.exe" "$out/shrinkray-cli.exe"; do
  if x86_64-w64-mingw32-objdump -p "$exe" | grep -iE 'DLL Name: (libstdc|libgcc|libwinpthread)'; then
    say "$exe imports a MinGW runtime DLL (above), which Windows does not have"
    exit 1
  fi
done
makensis -V2 -DVERSION="$version" -DBIN="$out" packaging/windows/shrinkray.nsi >&2
say "built:"
echo "$PWD/$out/shrinkray.exe"
echo "$PWD/$out/shrinkray-cli.exe"
echo "$PWD/target/Shrinkray-$version-setup.exe"
