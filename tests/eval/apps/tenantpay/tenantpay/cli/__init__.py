"""`tenantpay-admin`: operations for our staff (runs with production settings on the ops box)."""
