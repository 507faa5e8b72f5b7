"""Optional arguments: what a function does only when the caller gives one.

A client's header helper often adds a header only when an optional argument is given:

    def _headers(self, msn=None):
        headers = {"Authorization": ...}
        if msn is not None:
            headers["Merchant-Serial-Number"] = msn

That the header is set (a label from a `keys` source) then depends on the call site, not on the
helper: it is the symbolic fact ("given", function, parameter), made concrete where a call passes
the argument (and not None), gone where it leaves it out. A caller that passes its own optional
parameter on (`self._headers(msn=msn)` in `refund(..., msn=None)`) makes it its own callers'
question; at a sink it holds only when every caller gives it (a request that some caller makes
without the header is a finding).
"""

from __future__ import annotations

import libcst as cst

YES, NO = "yes", "no"


def given_params(test: cst.BaseExpression, optional: frozenset, truth: bool) -> frozenset:
    """The optional parameters (default None) that the branch where `test` is `truth` knows were given."""
    if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
        return given_params(test.expression, optional, not truth)
    if isinstance(test, cst.BooleanOperation) and isinstance(test.operator, cst.And) and truth:
        return given_params(test.left, optional, truth) | given_params(test.right, optional, truth)
    if isinstance(test, cst.Name) and truth and test.value in optional:
        return frozenset([test.value])
    if isinstance(test, cst.Comparison) and len(test.comparisons) == 1 and isinstance(test.left, cst.Name) \
            and test.left.value in optional and isinstance(test.comparisons[0].comparator, cst.Name) \
            and test.comparisons[0].comparator.value == "None":
        op = test.comparisons[0].operator
        if (isinstance(op, cst.IsNot) and truth) or (isinstance(op, cst.Is) and not truth):
            return frozenset([test.left.value])
    return frozenset()


def passes(arg: cst.Arg, optional: frozenset):
    """What a call argument says about presence: NO for a literal None, the caller's own optional
    parameter's name when it is passed on as it is, else YES."""
    value = arg.value
    if isinstance(value, cst.Name) and value.value == "None":
        return NO
    if isinstance(value, cst.Name) and value.value in optional and not arg.star:
        return value.value
    return YES


def site_gives(site, function, bound: bool, param: str):
    """Whether the call site gives `param` of `function`: YES, NO, or the name of the caller's
    optional parameter it passes on."""
    params = list(function.params[1:] if bound and function.params else function.params)
    found = NO
    for position, presence in site.presence:
        if position in ("*", "**"):
            return YES  # unpacked: it may be given
        name = params[position] if isinstance(position, int) and position < len(params) else position
        if name == param:
            found = presence
    return found
