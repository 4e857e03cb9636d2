#ifndef SWITCHBOARD_CTESTSUPPORT_H
#define SWITCHBOARD_CTESTSUPPORT_H

// What tests need from the C library that Swift's Glibc module leaves out (GNU extensions).

/// Pins the calling thread to the CPU it is running on (threads it starts inherit that), and
/// remembers its previous set of CPUs for `sb_test_unpin_thread`. Returns the CPU, or -1.
int sb_test_pin_thread_to_current_cpu(void);

/// Gives the calling thread back the CPUs it had before `sb_test_pin_thread_to_current_cpu`.
void sb_test_unpin_thread(void);

#endif
