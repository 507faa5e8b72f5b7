# eval: safe
from flask import jsonify, request


def whoami():
    return jsonify({"msn": request.args.get("msn"), "merchantSerialNumber": request.args.get("msn"), "ok": True})
