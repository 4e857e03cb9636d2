#define _GNU_SOURCE
#include <sched.h>
#include "CTestSupport.h"

static _Thread_local cpu_set_t saved;
static _Thread_local int pinned;

int sb_test_pin_thread_to_current_cpu(void) {
    int cpu = sched_getcpu();
    if (cpu < 0 || sched_getaffinity(0, sizeof saved, &saved) != 0) return -1;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    if (sched_setaffinity(0, sizeof one, &one) != 0) return -1;
    pinned = 1;
    return cpu;
}

void sb_test_unpin_thread(void) {
    if (!pinned) return;
    sched_setaffinity(0, sizeof saved, &saved);
    pinned = 0;
}
