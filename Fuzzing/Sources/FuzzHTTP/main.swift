import FuzzSupport
import Foundation

exit(runFuzzer(fuzzHTTP))
