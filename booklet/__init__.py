"""booklet: turn a folder of saved source documents into a printable, cited PDF booklet."""

__version__ = "0.1.0"
