"""Bringing a new merchant onto Vipps MobilePay through us."""
