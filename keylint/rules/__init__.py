"""The rule machinery: rule packs and model packs (YAML, checked against schema/), the rule kinds
that run them, prefilter tokens and the project configuration that selects and tunes them.
"""
