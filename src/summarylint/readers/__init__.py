"""Readers turn one input (a path, or stdin bytes) into a ``Document``.

The format is decided by the content, not the extension: a ZIP package is read as
WordprocessingML (.docx, .docm, .dotx alike), an OLE compound file is a legacy .doc/.wps
or an encrypted package, everything else is text.  Every problem becomes an
``InputError`` with a one-line reason.
"""

from __future__ import annotations

import os
from pathlib import Path

from summarylint.model import Document
from summarylint.readers.errors import InputError

__all__ = ["DEFAULT_MAX_FILE_SIZE", "SUPPORTED_SUFFIXES", "InputError", "read_bytes", "read_path"]

DEFAULT_MAX_FILE_SIZE = 50 * 1024 * 1024
SUPPORTED_SUFFIXES = (".docx", ".txt", ".md")

_ZIP_MAGIC = b"PK\x03\x04"
_EMPTY_ZIP_MAGIC = b"PK\x05\x06"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_path(path: str | os.PathLike[str], *, max_file_size: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    """Read one file.  Never modifies it."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("is a directory")
        size = p.stat().st_size
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})") from None
    if size > max_file_size:
        raise InputError(
            f"file is {_mb(size)}, over the size limit of {_mb(max_file_size)} (see max-file-size)"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror or exc})") from None
    return read_bytes(data, str(path), max_file_size=max_file_size)


def read_bytes(data: bytes, path: str, *, max_file_size: int = DEFAULT_MAX_FILE_SIZE) -> Document:
    """Read the content of a file (or stdin) named ``path``.  ``path`` is only used for
    messages and to tell Markdown from plain text."""
    if len(data) > max_file_size:
        raise InputError(
            f"input is {_mb(len(data))}, over the size limit of {_mb(max_file_size)} (see max-file-size)"
        )
    if not data.strip():
        raise InputError("file is empty")
    if data.startswith(_OLE_MAGIC):
        encrypted, reason = _ole_reason(data, path)
        raise InputError(reason, "unreadable" if encrypted else "legacy-format")
    if data.startswith(_ZIP_MAGIC) or data.startswith(_EMPTY_ZIP_MAGIC):
        from summarylint.readers.docx import read_docx

        return read_docx(data, path, max_unpacked=max(20 * max_file_size, 512 * 1024 * 1024))
    if path.lower().endswith((".docx", ".docm", ".dotx", ".dotm")):
        raise InputError("not a Word package (.docx): the file is not a ZIP archive; it may be truncated or corrupt")
    from summarylint.readers.text import read_text

    return read_text(data, path, markdown=path.lower().endswith((".md", ".markdown")))


def _ole_reason(data: bytes, path: str) -> tuple[bool, str]:
    # An encrypted OOXML package is an OLE container holding an "EncryptedPackage" stream;
    # the directory entry names are UTF-16LE.
    if "EncryptedPackage".encode("utf-16-le") in data or "EncryptionInfo".encode("utf-16-le") in data:
        return True, (
            "the document is password-protected (encrypted); "
            "remove the password in Word (文件 › 信息 › 保护文档) and save again"
        )
    name = os.path.basename(path) or "FILE"
    return False, (
        "legacy Word/WPS binary format (.doc/.wps) is not supported; convert it with "
        f"`soffice --headless --convert-to docx {name}` or run with --convert"
    )


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"
