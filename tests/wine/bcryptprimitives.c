/* A stand-in for Windows' bcryptprimitives.dll, for tests under Wine only.
 *
 * Rust's std (1.78 and later) seeds its hash maps through ProcessPrng from
 * bcryptprimitives.dll, which every Windows 10 and 11 has but Wine 8 (Debian 12's)
 * lacks, so kamsang.exe would not start there. tests/it/windows.rs compiles this
 * file with mingw-w64 into its own Wine prefix; it is never shipped. It gives
 * the same random bytes through advapi32's RtlGenRandom (SystemFunction036),
 * which Wine has. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
    while (len > 0) {
        ULONG chunk = len > 0x40000000 ? 0x40000000 : (ULONG)len;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        len -= chunk;
    }
    return TRUE;
}
