"""The library's error types. ``normalize`` raises these and nothing else.

Every message says what went wrong and where: which input, which step, which plugin.
The command maps each type to an exit code (see ``zhenggai --help``).
"""

from __future__ import annotations

from typing import Optional


class ZhenggaiError(Exception):
    """Base of every error the library raises on purpose."""

    exit_code = 1

    def __init__(self, message: str, *, source: Optional[str] = None, step: Optional[str] = None):
        self.message = message
        self.source = source
        self.step = step
        super().__init__(message)

    def __str__(self) -> str:
        # Built on demand: the pipeline fills in ``source`` after a step raised.
        where = ", ".join(x for x in (f"input {self.source}" if self.source else "",
                                      f"step {self.step}" if self.step else "") if x)
        return f"{self.message} ({where})" if where else self.message


class InputError(ZhenggaiError):
    """The input cannot be read (missing file, unreadable, wrong type)."""

    exit_code = 3


class DecodeError(InputError):
    """The input's bytes cannot be decoded as text."""

    exit_code = 4


class EmptyInputError(InputError):
    """The input holds no text (zero bytes, only whitespace, or markup without text)."""

    exit_code = 5


class InputTooLargeError(InputError):
    """The input exceeds the configured size limit."""

    exit_code = 6


class PluginError(ZhenggaiError):
    """A plugin failed and no other plugin could take its place, or a named plugin is unknown."""

    exit_code = 7

    def __init__(self, message: str, *, plugin: Optional[str] = None, **kw: Optional[str]):
        self.plugin = plugin
        super().__init__(message, **kw)


class SchemaError(ZhenggaiError):
    """A dict given to ``from_dict`` is not a valid record."""

    exit_code = 8
