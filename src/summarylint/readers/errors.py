"""The one exception type every reader raises for bad input."""


class InputError(Exception):
    """Input that cannot be read.  ``str(err)`` is one line in plain words, without the path."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
