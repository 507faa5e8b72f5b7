"""Settlement reports: nightly reconciliation and the merchant's settlement pages."""
