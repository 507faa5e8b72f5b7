"""keylint: a static security linter for Vipps MobilePay API integrations."""

__version__ = "0.1.0"
