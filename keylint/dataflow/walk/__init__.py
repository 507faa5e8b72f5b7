"""The per-module walk, split by what it walks: statements, expressions, calls, strings, sources and
sink events (mixins of intra.Walker), and the node helpers they share."""
