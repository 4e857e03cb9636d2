// Only a header: LLVMFuzzerRunDriver is defined by the fuzzer runtime that -sanitize=fuzzer links.
#include "CLibFuzzer.h"
