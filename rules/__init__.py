"""The rule packs shipped with keylint (YAML data; installed as keylint.shipped_rules)."""
