/* Test-only: lets Rust Windows programs start under Wine 8.0 (Debian 12), which lacks ProcessPrng in
 * bcryptprimitives.dll; Rust's standard library imports it for its random numbers. Built by
 * packaging/windows/build.sh test into target/wine-test/ and found there through WINEPATH. Never installed or
 * shipped: real Windows has the real DLL. It forwards to SystemFunction036 (RtlGenRandom). */
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID, ULONG);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len) {
  while (len) {
    ULONG n = len > 0x10000000 ? 0x10000000 : (ULONG)len;
    if (!SystemFunction036(data, n)) return FALSE;
    data += n;
    len -= n;
  }
  return TRUE;
}
