"""The version of editlint: imported by the modules that need it, not through the
package face (``editlint/__init__``), which imports most of editlint."""

__version__ = "0.1.0"
