import CLibFuzzer
import Glibc

// Hands `fuzzPlan` to libFuzzer with this process's arguments (corpus folders, -max_total_time, ...).
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzPlan(data, size) })
