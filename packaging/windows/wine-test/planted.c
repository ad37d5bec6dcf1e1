/* Test-only: a DLL named libheif.dll that is not libheif, planted in a folder of photos by the test
 * `formats::a_libheif_dll_planted_among_the_photos_is_never_loaded`, which checks that Shrinkray never
 * loads a library from the current folder. Built by packaging/windows/build.sh test; never shipped. */
__declspec(dllexport) int planted(void) { return 1; }
