"""ShopHub: hosted web shops that take Vipps MobilePay payments with ShopHub's partner keys."""
