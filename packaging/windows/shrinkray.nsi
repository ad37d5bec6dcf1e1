; Shrinkray installer for Windows (NSIS 3). Built by `./run windows` (packaging/windows/build.sh), which
; cross-builds the programs and runs makensis -DVERSION=... -DBIN=target/x86_64-pc-windows-gnu/release; it
; writes target/Shrinkray-<version>-setup.exe. On a Windows machine: cargo build --release, then
; makensis /DVERSION=0.1.0 packaging\windows\shrinkray.nsi (BIN defaults to target\release).
; Installs per machine, adds a Start menu entry, "Open with"
; entries for the image types Shrinkray reads, "Resize with Shrinkray" on images and folders in Explorer (per
; machine; the app writes the user's own presets per user, which win), and an uninstaller listed in Apps & features.

Unicode true
; A 64-bit installer: the programs are 64-bit, and a 32-bit stub does nothing under a 64-bit-only Wine.
Target amd64-unicode
!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!define APPNAME "Shrinkray"
!define EXE "shrinkray.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPNAME}"
!define ROOT "..\.."
!ifdef BIN
  !define BINDIR "${ROOT}\${BIN}"
!else
  !define BINDIR "${ROOT}\target\release"
!endif

Name "${APPNAME}"
OutFile "${ROOT}\target\${APPNAME}-${VERSION}-setup.exe"
InstallDir "$PROGRAMFILES64\${APPNAME}"
InstallDirRegKey HKLM "Software\${APPNAME}" "InstallDir"
RequestExecutionLevel admin
SetCompressor /SOLID lzma
Icon "${ROOT}\assets\icon.ico"
UninstallIcon "${ROOT}\assets\icon.ico"

!include "MUI2.nsh"
!define MUI_ICON "${ROOT}\assets\icon.ico"
!define MUI_UNICON "${ROOT}\assets\icon.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!insertmacro MUI_PAGE_LICENSE "${ROOT}\LICENSE-MIT"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

; "Resize with Shrinkray" on images and folders, and "Send to" shortcuts, for the built-in presets.
!include "menus.nsh"

; Registers "Open with Shrinkray" for one extension.
!macro OpenWith EXT
  WriteRegStr HKLM "Software\Classes\Applications\${EXE}\SupportedTypes" ".${EXT}" ""
  WriteRegStr HKLM "Software\Classes\.${EXT}\OpenWithList\${EXE}" "" ""
!macroend

Section "Shrinkray" Main
  SectionIn RO
  ; Per machine: the Start-menu entry goes to every user's menu, as Program Files does.
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  File "${BINDIR}\shrinkray.exe"
  File "${BINDIR}\shrinkray-cli.exe"
  File "${ROOT}\LICENSE-MIT"
  File "${ROOT}\LICENSE-APACHE"
  ; The icon beside the name on the app's toasts (the app registers its AppUserModelID per user, naming it).
  File "/oname=shrinkray.png" "${ROOT}\assets\icon-256.png"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${EXE}"

  WriteRegStr HKLM "Software\${APPNAME}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "Software\Classes\Applications\${EXE}" "FriendlyAppName" "${APPNAME}"
  WriteRegStr HKLM "Software\Classes\Applications\${EXE}\shell\open\command" "" '"$INSTDIR\${EXE}" "%1"'
  !insertmacro OpenWith "jpg"
  !insertmacro OpenWith "jpeg"
  !insertmacro OpenWith "png"
  !insertmacro OpenWith "webp"
  !insertmacro OpenWith "gif"
  !insertmacro OpenWith "bmp"
  !insertmacro OpenWith "tif"
  !insertmacro OpenWith "tiff"
  !insertmacro OpenWith "tga"
  !insertmacro OpenWith "qoi"
  !insertmacro ShrinkrayMenus

  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "The Shrinkray developers"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$INSTDIR\shrinkray.exe"
  Delete "$INSTDIR\shrinkray-cli.exe"
  Delete "$INSTDIR\LICENSE-MIT"
  Delete "$INSTDIR\LICENSE-APACHE"
  Delete "$INSTDIR\shrinkray.png"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  DeleteRegKey HKLM "Software\Classes\Applications\${EXE}"
  !macro RemoveOpenWith EXT
    DeleteRegKey HKLM "Software\Classes\.${EXT}\OpenWithList\${EXE}"
  !macroend
  !insertmacro RemoveOpenWith "jpg"
  !insertmacro RemoveOpenWith "jpeg"
  !insertmacro RemoveOpenWith "png"
  !insertmacro RemoveOpenWith "webp"
  !insertmacro RemoveOpenWith "gif"
  !insertmacro RemoveOpenWith "bmp"
  !insertmacro RemoveOpenWith "tif"
  !insertmacro RemoveOpenWith "tiff"
  !insertmacro RemoveOpenWith "tga"
  !insertmacro RemoveOpenWith "qoi"
  !insertmacro RemoveShrinkrayMenus
  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "Software\${APPNAME}"
  ; The AppUserModelID the app registered for the user who uninstalls (src/desktop/app_id.rs).
  DeleteRegKey HKCU "Software\Classes\AppUserModelId\org.shrinkray.Shrinkray"
SectionEnd
