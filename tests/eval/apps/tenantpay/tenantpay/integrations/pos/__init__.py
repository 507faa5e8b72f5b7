"""Point-of-sale terminals in our merchants' shops (they run the merchant's own POS software)."""
