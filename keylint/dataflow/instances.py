"""Instances, for the project solver (keylint/dataflow/solve.py): `self.attr` in a method is the
attribute of the instances the method is called on, not of every instance of its class.

A constructor call's value holds its `__init__` arguments under their names and what `__init__`
(with `super().__init__` and the methods it calls on `self`) stores in `self`, with that call's
arguments. A method's `self` is its receivers (ProjectIndex.map_args). Where the scan cannot see
the instance, a field is what any instance of the class holds: what its methods store, and what
`__init__` stores in the instances made of the class or its subclasses (or, when none is made
where keylint can see it, in any instance).
"""

from __future__ import annotations

from keylint.dataflow import facts as F
from keylint.dataflow.summary import FunctionSummary

MAX_BASES = 6


class Instances:
    """ProjectIndex's methods about instances and their fields (a mixin: the tables are the index's)."""

    def _param(self, origin: tuple, ops: tuple, value: dict | None = None) -> tuple:
        """What a parameter holds (`value`, default: what all callers pass) and the ops left to
        apply. `self.attr` in a method is the attribute of the instances it is called on; of an
        instance that does not show it (made where keylint cannot see, or set outside
        `__init__`), the class's field as any instance of it holds it."""
        value = self.pval.get((origin[1], origin[2]), {}) if value is None else value
        fs = self.functions.get(origin[1])
        if not ops or ops[0][0] != "pop" or fs is None or not fs.class_qname or fs.params[:1] != (origin[2],):
            return value, ops
        own = self._replay(value, ops[:1], ())
        return (own, ops[1:]) if own else (self._field(fs.class_qname, ops[0][1]), ops[1:])

    def _instance(self, site, init: FunctionSummary, fs: FunctionSummary, memo: dict) -> dict:
        """A new object: what each `__init__` parameter received, under the parameter's name
        (`KeySet(cid, secret, "partner")`: `.kind` is not the secret; the fields are read
        through the class's field stores)."""
        out: dict = {}
        args = {name: self.expand(taint, fs, memo) for name, taint in self.map_args(site, init, True).items()}
        for name, taint in args.items():
            F.merge_into(out, F.transform(taint, ("push", name)))
        for attr, taint in self._made_fields(init, args, memo).items():
            F.merge_into(out, F.transform(taint, ("push", attr)))
        return out

    def _made_fields(self, init: FunctionSummary, args: dict, memo: dict, depth: int = 0) -> dict:
        """attribute -> value of what `init` stores in `self` given these arguments, with the
        methods it calls on `self` (`super().__init__(keys)`): fields of this one instance."""
        fields: dict = {}
        if init.class_qname is None or depth > MAX_BASES:
            return fields
        own = (init.params[0],) if init.params else ()
        for class_qname, attr, taint in init.field_stores:
            if class_qname == init.class_qname:
                fields[attr] = F.join(fields.get(attr, {}), self._bind(taint, init, args, memo))
        for site in init.calls:
            if not any(origin[0] == "param" and origin[1:] == (init.qname, *own) for origin, _ in site.receiver):
                continue
            for function, bound, _ in self.callees(site):
                if function is not None and bound:
                    inner = {n: self._bind(t, init, args, memo) for n, t in self.map_args(site, function, bound).items()}
                    for attr, taint in self._made_fields(function, inner, memo, depth + 1).items():
                        fields[attr] = F.join(fields.get(attr, {}), taint)
        return fields

    def _bind(self, taint: dict, fs: FunctionSummary, args: dict, memo: dict) -> dict:
        """`taint` of `fs` with `fs`'s own parameters replaced by `args` (name -> value)."""
        out: dict = {}
        for (origin, ops), path in self.expand(taint, fs, memo).items():
            if origin[0] == "param" and origin[1] == fs.qname:
                value, left = self._param(origin, ops, args.get(origin[2], {}))
                F.merge_into(out, self._replay(value, left, path))
            else:
                F.merge_into(out, {(origin, ops): path})
        return out

    def _field(self, class_qname: str, attr: str) -> dict:
        """An attribute of any instance of the class: what its methods store there, and what its
        `__init__` stores in the instances made of it or of its subclasses where the scan sees
        them (else in any instance: the pooled `__init__` stores)."""
        key = (class_qname, attr)
        if key not in self._fields:
            self._fields[key] = {}  # a field read while making the instances that hold it: nothing yet
            made = self._made_here(class_qname)
            value = F.join(self._stored(self.fval, class_qname, attr),
                           self._constructed(made, attr) if made else self._stored(self.ival, class_qname, attr))
            self._fields[key] = value
        return self._fields[key]

    def _stored(self, table: dict, class_qname: str, attr: str, depth: int = 0) -> dict:
        value = table.get((class_qname, attr), {})
        if depth < MAX_BASES:
            for base in self.classes.get(class_qname, ()):
                resolved = self.lookup(base, class_qname)
                if resolved in self.classes:
                    value = F.join(value, self._stored(table, resolved, attr, depth + 1))
        return value

    def _made_here(self, class_qname: str, depth: int = 0) -> list:
        """The constructor calls the scan sees of the class and its subclasses."""
        found = list(self.constructions.get(class_qname, ()))
        if depth < MAX_BASES:
            for sub in self.subclasses.get(class_qname, ()):
                found += self._made_here(sub, depth + 1)
        return found

    def _constructed(self, made: list, attr: str) -> dict:
        out: dict = {}
        for site, init, owner in made:
            memo: dict = {}
            made = F.transform(self._instance(site, init, owner, memo), ("pop", attr))
            F.merge_into(out, self.concretize(made, owner, memo) if made else made)
        return out
