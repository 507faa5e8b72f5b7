"""Our Vipps MobilePay integration: key sets, tokens and one client per API."""
