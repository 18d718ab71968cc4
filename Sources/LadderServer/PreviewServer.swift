import Hummingbird
import LadderKit
