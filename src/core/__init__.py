"""zhenggai: Chinese inspection rectification reports (巡视/巡察整改情况的通报) to records.

    >>> import zhenggai
    >>> record = zhenggai.normalize("report.html")
    >>> zhenggai.to_dict(record)["inspection"]["group"]
    '市委第二巡察组'

Publisher plugins register under the entry-point group ``zhenggai.publishers``; see
``zhenggai.hookspecs`` for the hooks and ``zhenggai.DeclaredPublisher`` for the short way.
"""

from .batch import ErrorResult, normalize_many
from .declare import DeclaredPublisher
from .errors import (
    DecodeError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    PluginError,
    SchemaError,
    ZhenggaiError,
)
from .hookspecs import hookimpl
from .layout import GENRE, Layout
from .model import ChromeRule, Claim, Document, PageMeta, Parts, PublisherInfo
from .pipeline import normalize
from .record import Record
from .serialize import dumps, from_dict, json_schema, to_dict

__version__ = "0.1.0"

__all__ = [
    "ChromeRule",
    "Claim",
    "DecodeError",
    "DeclaredPublisher",
    "Document",
    "EmptyInputError",
    "ErrorResult",
    "GENRE",
    "InputError",
    "InputTooLargeError",
    "Layout",
    "PageMeta",
    "Parts",
    "PluginError",
    "PublisherInfo",
    "Record",
    "SchemaError",
    "ZhenggaiError",
    "dumps",
    "from_dict",
    "hookimpl",
    "json_schema",
    "normalize",
    "normalize_many",
    "to_dict",
]
