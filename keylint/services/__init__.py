"""Services the stages use and that know nothing of rules or findings' meaning: the result cache,
worker processes, atomic file writes.
"""
