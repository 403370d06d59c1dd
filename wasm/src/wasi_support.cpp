// Symbols Debian's compiler-rt builtins for wasm32 expect from libc: they are
// built with the stack protector (128-bit division, used by exact odds,
// references it), and wasi-libc does not provide the guard. A smashed stack
// traps, which the host treats like any other trap: the instance is rebuilt.

#include <stdint.h>

extern "C" {
uintptr_t __stack_chk_guard = 0x5b1d80c5;
[[noreturn]] void __stack_chk_fail(void) {
    __builtin_trap();
}
}
