"""cleaner: turn a raw web page (HTML or a plain-text dump) into its clean body text.

>>> from cleaner import clean, Options
>>> doc = clean(open("page.txt", "rb").read(), Options(url="https://example.com/a"))
>>> print(doc.title, *doc.paragraphs, sep="\\n")
"""

from .emit import to_json, to_record, to_text
from .errors import CleanerError, ConfigError, InputError
from .model import Document, Metadata, Options, Removal
from .pipeline import clean

__all__ = [
    "CleanerError",
    "ConfigError",
    "Document",
    "InputError",
    "Metadata",
    "Options",
    "Removal",
    "clean",
    "to_json",
    "to_record",
    "to_text",
]
__version__ = "0.1.0"
