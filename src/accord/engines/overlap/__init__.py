from accord.engines.overlap.lexical import LEXICAL_THRESHOLD, lexical_pairs
from accord.engines.overlap.model import Text, OverlapError
