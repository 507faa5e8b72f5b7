"""Per-environment settings: base holds what every environment shares."""
