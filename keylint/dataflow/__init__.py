"""Taint analysis over LibCST trees, configured by the YAML specs of `taint` rules.

facts.py    abstract values: facts (labels or symbolic origins + transforms + path) and taints
config.py   the compiled sources, sinks, sanitizers and propagators of the selected rules
labels.py   label tests of whole-request sinks (under/also/unless), declared key types
evidence.py, scope_evidence.py  where a module or class shows it talks to the named service
intra.py    per-module analysis -> ModuleSummary (functions, call sites, sink events); its
            Walker is assembled from walk/ (statements, expressions, calls, strings, sources,
            sinks; nodes.py: the node helpers they share)
summary.py  the picklable records intra.py produces
solve.py    project phase: call resolution and the fixpoint that makes facts concrete

Syntactic name resolution (dotted names, imports, module names) is a fact of the file:
keylint/facts/names.py and keylint/facts/modules.py.
"""
