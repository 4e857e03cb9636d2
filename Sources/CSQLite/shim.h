#ifndef SWITCHBOARD_CSQLITE_SHIM_H
#define SWITCHBOARD_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro casting -1 to a function pointer; Swift cannot import it.
static inline void (*switchboard_sqlite_transient(void))(void *) { return SQLITE_TRANSIENT; }

// A spin-wait hint for the writer's short poll (`StoreWriter.expectWrite`): tells the core
// (and a hypervisor) that this thread is waiting, at no cost to correctness.
static inline void switchboard_spin_hint(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}
#endif
