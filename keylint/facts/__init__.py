"""What a file yields to the rules: name/value bindings and settings, node positions, config-file
and notebook readers, syntactic name resolution. Knows nothing of rules or the pipeline.
"""
