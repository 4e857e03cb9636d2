import FuzzSupport
import Foundation

exit(runFuzzer(fuzzGraphQL))
