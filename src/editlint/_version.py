"""The version of editlint, in a module of its own: the modules that need it import it from
here, without going through the package face (``editlint/__init__``)."""

__version__ = "0.1.0"
