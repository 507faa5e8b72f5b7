# eval: safe
def activate(merchant, unit):
    merchant.msn = unit["msn"]
    merchant.status = "active"
    merchant.save()
