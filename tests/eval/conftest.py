"""The applications under apps/ are scanned, never run: their own tests are not ours to collect."""

collect_ignore = ["apps"]
