// libFuzzer's driver, linked by `-sanitize=fuzzer`. SwiftPM gives every executable its own
// entry point, so the harnesses call the driver from their main.swift instead of relying on
// libFuzzer's `main`.
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*test_one_input)(const uint8_t *data, size_t size));
