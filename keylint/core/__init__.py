"""The records and small helpers every layer shares: findings, the line model, value judging and
redaction, safe YAML, spec patterns. Imports nothing else of keylint.
"""
