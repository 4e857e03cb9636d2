import FuzzSupport
import Foundation

exit(runFuzzer(fuzzTransportWS))
