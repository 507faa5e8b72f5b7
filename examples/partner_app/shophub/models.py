"""Persistence for ShopHub: merchants (one row per Vipps sales unit), portal users, orders."""
import os
import sqlite3
from dataclasses import dataclass
from functools import wraps
from typing import Optional

from flask import abort, g, session
from werkzeug.local import LocalProxy

DB_PATH = os.getenv("SHOPHUB_DB", "shophub.sqlite3")
MERCHANT_COLUMNS = "id, owner_id, name, msn, org_number, email, pos_api_token"


@dataclass
class Merchant:
    id: int
    owner_id: int
    name: str
    msn: Optional[str]
    org_number: str
    email: str
    pos_api_token: Optional[str] = None


@dataclass
class User:
    id: int
    email: str
    merchant: Merchant


@dataclass
class Order:
    id: int
    merchant_id: int
    total_minor: int
    customer_phone: str


def _db():
    conn = sqlite3.connect(DB_PATH)
    conn.row_factory = sqlite3.Row
    return conn


def _merchants(where, *args):
    with _db() as conn:
        rows = conn.execute(f"SELECT {MERCHANT_COLUMNS} FROM merchants WHERE {where}", args).fetchall()
    return [Merchant(**dict(row)) for row in rows]


def load_user(user_id):
    with _db() as conn:
        row = conn.execute("SELECT id, email FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None:
        return None
    merchant = _merchants("owner_id = ? ORDER BY id LIMIT 1", user_id)[0]
    return User(id=row["id"], email=row["email"], merchant=merchant)


def allowed_msns(user):
    """Sales units the logged-in user may act for (one owner can run several shops)."""
    return {m.msn for m in _merchants("owner_id = ? AND msn IS NOT NULL", user.id)}


def get_order(order_id, merchant_id):
    with _db() as conn:
        row = conn.execute(
            "SELECT id, merchant_id, total_minor, customer_phone FROM orders WHERE id = ? AND merchant_id = ?",
            (order_id, merchant_id),
        ).fetchone()
    return Order(**dict(row)) if row else None


def save_merchant(merchant):
    with _db() as conn:
        conn.execute(
            "UPDATE merchants SET name = ?, msn = ?, email = ?, pos_api_token = ? WHERE id = ?",
            (merchant.name, merchant.msn, merchant.email, merchant.pos_api_token, merchant.id),
        )


def awaiting_product_order():
    return _merchants("msn IS NULL AND product_order_sent = 0")


def awaiting_activation():
    return _merchants("msn IS NOT NULL AND activated = 0")


def report_consenting_merchants():
    return _merchants("msn IS NOT NULL AND report_consent = 1")


current_user = LocalProxy(lambda: g.user)


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        user_id = session.get("user_id")
        user = load_user(user_id) if user_id else None
        if user is None:
            abort(401)
        g.user = user
        return view(*args, **kwargs)

    return wrapped
