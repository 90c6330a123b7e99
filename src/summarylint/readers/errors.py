"""The one exception type every reader raises for bad input."""


class InputError(Exception):
    """Input that cannot be read.  ``str(err)`` is one line in plain words, without the path."""

    #: What went wrong, for callers that act on it: "legacy-format" (convertible
    #: with LibreOffice) or "unreadable".
    kind: str

    def __init__(self, reason: str, kind: str = "unreadable") -> None:
        super().__init__(reason)
        self.reason = reason
        self.kind = kind
