# eval: safe
# The same client; the MSN is the logged-in merchant's own, and what the browser sends goes under
# the imported idempotency header.
API_URL = "https://api.vipps.no"
MSN_HEADER = "Merchant-Serial-Number"
IDEMPOTENCY_HEADER = "Idempotency-Key"
