# eval: vulnerable
# The header names live in one module; the client sets the MSN header under the imported name.
API_URL = "https://api.vipps.no"
MSN_HEADER = "Merchant-Serial-Number"
IDEMPOTENCY_HEADER = "Idempotency-Key"
