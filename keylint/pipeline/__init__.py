"""The scan pipeline, one module per stage: discover -> project phase -> prefilter -> parse ->
analyse -> suppress/review (baseline, diff) -> a ScanReport. scan.py runs the stages in order;
history.py runs them over git history. See docs/architecture.md.
"""
