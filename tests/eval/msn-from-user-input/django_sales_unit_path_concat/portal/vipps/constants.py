# eval: vulnerable
# The Management API paths live in one module; the client builds its URLs with + (and with % and
# str.format), putting the MSN after the imported path.
API_URL = "https://api.vipps.no"
SALES_UNITS_PATH = "/management/v1/sales-units"
