"""A progress bar on stderr for scans with many files to analyse."""

from __future__ import annotations

import sys

import click

MIN_FILES = 1000
"""Scans of fewer files finish before a bar would help."""


class ProgressBar:
    """Callable as scan's on_progress(done, total); draws nothing for short scans."""

    def __init__(self):
        self.bar = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if total < MIN_FILES or self.done >= total:
            return
        if self.bar is None:
            self.bar = click.progressbar(length=total, label="scanning", file=sys.stderr, show_pos=True)
        self.bar.update(done - self.done)
        self.done = done
        if done == total:
            self.bar.render_finish()
