"""Errors from the Vipps MobilePay APIs, with enough context to debug a failed call."""
from __future__ import annotations


class VippsError(Exception):
    def __init__(self, message: str, status: int | None = None, problem: dict | None = None):
        super().__init__(message)
        self.status = status
        self.problem = problem or {}

    @classmethod
    def from_response(cls, resp) -> "VippsError":
        try:
            problem = resp.json()
        except ValueError:
            problem = {"detail": resp.text[:300]}
        title = problem.get("title") or problem.get("detail") or resp.reason
        # The request headers make support tickets with Vipps MobilePay much quicker to resolve.
        message = f"{resp.request.method} {resp.url} -> {resp.status_code} {title}; sent {dict(resp.request.headers)}"
        return cls(message, status=resp.status_code, problem=problem)


class VippsAuthError(VippsError):
    """The token endpoint refused our key set."""
