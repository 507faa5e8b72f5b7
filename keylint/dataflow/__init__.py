"""Taint analysis over LibCST trees, configured by the YAML specs of `taint` rules.

facts.py    abstract values: facts (labels or symbolic origins + transforms + path) and taints
config.py   the compiled sources, sinks, sanitizers and propagators of the selected rules
labels.py   label tests of whole-request sinks (under/also/unless), declared key types
names.py    syntactic name resolution: dotted names, imports, module names from paths
intra.py    per-module analysis -> ModuleSummary (functions, call sites, sink events)
summary.py  the picklable records intra.py produces
solve.py    project phase: call resolution and the fixpoint that makes facts concrete
"""
