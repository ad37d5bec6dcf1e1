; Made by Shrinkray: "Resize with Shrinkray" in Explorer for the built-in presets. Made by
; `shrinkray --write-explorer-menus FILE`; a test keeps it in step with the built-ins.

!macro ShrinkrayMenus
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray" "MUIVerb" "Resize with Shrinkray"
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray" "Icon" "$INSTDIR\shrinkray.exe,0"
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray" "SubCommands" ""
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\00-web-1920" "MUIVerb" "Web 1920"
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\00-web-1920" "MultiSelectModel" "Player"
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\00-web-1920\command" "" "$\"$INSTDIR\shrinkray.exe$\" --preset $\"Web 1920$\" $\"%1$\""
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\01-e-mail-1280" "MUIVerb" "E-mail 1280"
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\01-e-mail-1280" "MultiSelectModel" "Player"
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\01-e-mail-1280\command" "" "$\"$INSTDIR\shrinkray.exe$\" --preset $\"E-mail 1280$\" $\"%1$\""
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\02-phone-1080-webp" "MUIVerb" "Phone 1080 WebP"
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\02-phone-1080-webp" "MultiSelectModel" "Player"
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\02-phone-1080-webp\command" "" "$\"$INSTDIR\shrinkray.exe$\" --preset $\"Phone 1080 WebP$\" $\"%1$\""
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\03-thumbnail-400" "MUIVerb" "Thumbnail 400"
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\03-thumbnail-400" "MultiSelectModel" "Player"
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\03-thumbnail-400\command" "" "$\"$INSTDIR\shrinkray.exe$\" --preset $\"Thumbnail 400$\" $\"%1$\""
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\04-archive-as-jpeg-xl" "MUIVerb" "Archive as JPEG XL"
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\04-archive-as-jpeg-xl" "MultiSelectModel" "Player"
  WriteRegStr HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray\shell\04-archive-as-jpeg-xl\command" "" "$\"$INSTDIR\shrinkray.exe$\" --preset $\"Archive as JPEG XL$\" $\"%1$\""
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray" "MUIVerb" "Resize with Shrinkray"
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray" "Icon" "$INSTDIR\shrinkray.exe,0"
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray" "SubCommands" ""
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\00-web-1920" "MUIVerb" "Web 1920"
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\00-web-1920" "MultiSelectModel" "Player"
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\00-web-1920\command" "" "$\"$INSTDIR\shrinkray.exe$\" --preset $\"Web 1920$\" $\"%1$\""
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\01-e-mail-1280" "MUIVerb" "E-mail 1280"
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\01-e-mail-1280" "MultiSelectModel" "Player"
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\01-e-mail-1280\command" "" "$\"$INSTDIR\shrinkray.exe$\" --preset $\"E-mail 1280$\" $\"%1$\""
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\02-phone-1080-webp" "MUIVerb" "Phone 1080 WebP"
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\02-phone-1080-webp" "MultiSelectModel" "Player"
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\02-phone-1080-webp\command" "" "$\"$INSTDIR\shrinkray.exe$\" --preset $\"Phone 1080 WebP$\" $\"%1$\""
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\03-thumbnail-400" "MUIVerb" "Thumbnail 400"
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\03-thumbnail-400" "MultiSelectModel" "Player"
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\03-thumbnail-400\command" "" "$\"$INSTDIR\shrinkray.exe$\" --preset $\"Thumbnail 400$\" $\"%1$\""
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\04-archive-as-jpeg-xl" "MUIVerb" "Archive as JPEG XL"
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\04-archive-as-jpeg-xl" "MultiSelectModel" "Player"
  WriteRegStr HKLM "Software\Classes\Directory\shell\Shrinkray\shell\04-archive-as-jpeg-xl\command" "" "$\"$INSTDIR\shrinkray.exe$\" --preset $\"Archive as JPEG XL$\" $\"%1$\""
  CreateShortcut "$SENDTO\Shrinkray - Web 1920.lnk" "$INSTDIR\shrinkray.exe" '--preset "Web 1920"'
  CreateShortcut "$SENDTO\Shrinkray - E-mail 1280.lnk" "$INSTDIR\shrinkray.exe" '--preset "E-mail 1280"'
  CreateShortcut "$SENDTO\Shrinkray - Phone 1080 WebP.lnk" "$INSTDIR\shrinkray.exe" '--preset "Phone 1080 WebP"'
  CreateShortcut "$SENDTO\Shrinkray - Thumbnail 400.lnk" "$INSTDIR\shrinkray.exe" '--preset "Thumbnail 400"'
  CreateShortcut "$SENDTO\Shrinkray - Archive as JPEG XL.lnk" "$INSTDIR\shrinkray.exe" '--preset "Archive as JPEG XL"'
!macroend

!macro RemoveShrinkrayMenus
  DeleteRegKey HKLM "Software\Classes\SystemFileAssociations\image\shell\Shrinkray"
  DeleteRegKey HKLM "Software\Classes\Directory\shell\Shrinkray"
  Delete "$SENDTO\Shrinkray - Web 1920.lnk"
  Delete "$SENDTO\Shrinkray - E-mail 1280.lnk"
  Delete "$SENDTO\Shrinkray - Phone 1080 WebP.lnk"
  Delete "$SENDTO\Shrinkray - Thumbnail 400.lnk"
  Delete "$SENDTO\Shrinkray - Archive as JPEG XL.lnk"
!macroend
