"""What the project solver may skip in a round: work whose inputs have not changed since it ran.

Each round of the fixpoint (keylint/dataflow/solve.py) recomputes every function's return value,
the arguments it passes, its field stores and every module's globals. Most of them read table
entries that stopped changing rounds ago. A unit of work logs the entries it reads (`read`); a
table entry that grows is stamped with a clock (`grow`); a unit runs again only when an entry it
read was stamped since it last started. Skipping it is exact: it would read the same values and
give the same result, which the tables already hold.

A field value is cached for a round (Instances._field) and read by several units: its reads and
the clock when it was computed go to every unit that uses the cached value.
"""

from __future__ import annotations

from keylint.dataflow import facts as F


PARTIAL = ("partial",)  # read a field while it was being computed: never reuse what followed


class Changes:
    """ProjectIndex's bookkeeping of reads and changes (a mixin: the tables are the index's)."""

    def _start_tracking(self) -> None:
        self._clock = 0
        self._stamp: dict = {PARTIAL: float("inf")}  # (table, key) -> clock of its last growth
        self._done: dict = {}  # unit -> (clock when it last started, what it read)
        self._log: set | None = None  # what the running unit has read
        self._since = 0  # the oldest clock a value the running unit used was computed at
        self._fields: dict = {}  # (class, attribute) -> its value this round (Instances._field)
        self._field_reads: dict = {}  # (class, attribute) -> (clock, reads) of its cached value

    def stop_tracking(self) -> None:
        """Drop the bookkeeping once solved: the index is kept and shipped without it."""
        self._stamp, self._done = {PARTIAL: float("inf")}, {}

    def new_round(self) -> None:
        self._fields, self._field_reads = {}, {}

    def _unchanged(self, reads, clock: int) -> bool:
        return all(self._stamp.get(entry, 0) <= clock for entry in reads)

    def read(self, table: str, key) -> None:
        if self._log is not None:
            self._log.add((table, key))

    def grow(self, table: str, key, value: dict) -> bool:
        """Add `value`'s facts to table[key]; True (and a new stamp) when any is new."""
        entries = getattr(self, table)
        old = entries.get(key, {})
        if all(k in old for k in value):
            return False
        entries[key] = F.join(old, value)
        self._clock += 1
        self._stamp[(table, key)] = self._clock
        if table == "gval":  # `settings.NAME` reads NAME of each settings module
            self._stamp[("setting", key[1])] = self._clock
        return True

    def run(self, unit, work) -> bool:
        """`work()` (which says whether it grew a table) unless nothing it read last time changed."""
        done = self._done.get(unit)
        if done is not None and self._unchanged(done[1], done[0]):
            return False
        self._log, self._since = set(), self._clock
        changed = work()
        self._done[unit] = (self._since, self._log)
        self._log = None
        return changed

    def cached_field(self, key, compute):
        """A field's value for this round, computed once; its reads count for every unit using it."""
        if key in self._fields:
            clock, reads = self._field_reads.get(key, (self._clock, (PARTIAL,)))  # no reads yet: in progress
        else:
            outer, outer_since = self._log, self._since
            self._log, self._since = set(), self._clock
            self._fields[key] = {}  # a field read while making the instances that hold it: nothing yet
            self._fields[key] = compute()
            clock, reads = self._field_reads[key] = (self._since, self._log)
            self._log, self._since = outer, outer_since
        if self._log is not None:
            self._log.update(reads)
            self._since = min(self._since, clock)
        return self._fields[key]
