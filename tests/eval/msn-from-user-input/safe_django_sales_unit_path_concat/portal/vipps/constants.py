# eval: safe
# The same client; the sales unit is the logged-in merchant's own, and the id the user picks goes
# after the agreements path (built with +, % and str.format), where no MSN belongs.
API_URL = "https://api.vipps.no"
SALES_UNITS_PATH = "/management/v1/sales-units"
AGREEMENTS_PATH = "/recurring/v3/agreements"
