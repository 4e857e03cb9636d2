// libFuzzer's entry for programs that have their own `main` (LLVM 11 and later). SwiftPM gives
// every executable target a `main` of its own, so libFuzzer's `main` is never linked in and
// each fuzz target's main.swift calls this instead, with the same effect.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
