"""The rule packs shipped with keylint (YAML data; installed as keylint.shipped_rules)."""

import os

FOLDER = os.path.dirname(os.path.abspath(__file__))
"""Where the packs are: they are read as files (importlib.resources would cost every start-up
its import, and an install from a zip file is not supported)."""
