"""Turn the bytes of a saved document into plain text that every later rule can trust.

Saved web pages arrive as UTF-8 (with or without a byte order mark), UTF-16, or an
older Windows code page. Whatever the encoding, the text that leaves this module
has \\n line ends, NFC composition, plain spaces, and no invisible characters.
Typographic quotes and dashes are part of the text and are kept as they are.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

# charset-normalizer measures how garbled a decoding looks (chaos, 0 to 1) and how
# much it resembles a language (coherence, 0 to 1). Below these it is guessing.
_MAX_CHAOS = 0.2
_MIN_COHERENCE = 0.2
# Windows-1252 is by far the most common legacy encoding of saved web pages; on short
# English texts the detector often ties it with Central European code pages that
# decode the same bytes into wrong letters, so it wins any near tie.
_PREFERRED = "cp1252"
_NEAR_TIE = 0.1
# For the same reason the Windows code page of a script beats its Mac or DOS cousins.
_WINDOWS = "cp125"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c")
_SPACES = "\u00a0\u202f\u2007\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000\t"
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e"
_CONTROLS = "".join(chr(code) for code in range(32) if chr(code) not in "\n\t") + "\x7f"
_TRANSLATION = str.maketrans(_SPACES, " " * len(_SPACES), _INVISIBLE + _CONTROLS)


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str  # normalised: see normalise()
    encoding: str  # the encoding the bytes were read with
    nul_bytes: int  # NUL characters found and removed


def decode_bytes(data: bytes) -> DecodedText | None:
    """The text of a saved file, or None when its encoding cannot be told with confidence."""
    raw = _decode(data)
    if raw is None:
        return None
    text, encoding = raw
    nul_bytes = text.count("\x00")
    return DecodedText(normalise(text), encoding, nul_bytes)


def normalise(text: str) -> str:
    """\\n line ends, NFC, plain spaces, no NUL, zero-width or control characters."""
    for line_break in _LINE_BREAKS:
        text = text.replace(line_break, "\n")
    return unicodedata.normalize("NFC", text.translate(_TRANSLATION))


def _decode(data: bytes) -> tuple[str, str] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                return None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _detect(data)


def _detect(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes  # 10 ms to import; most files are UTF-8

    matches = from_bytes(data)
    best = matches.best()
    preferred = from_bytes(data, cp_isolation=[_PREFERRED]).best()
    if (
        preferred is not None
        and preferred.chaos <= _MAX_CHAOS
        and (best is None or preferred.chaos <= best.chaos + _NEAR_TIE)
    ):
        return str(preferred), _PREFERRED
    if best is None or best.chaos > _MAX_CHAOS or best.coherence < _MIN_COHERENCE:
        return None
    windows = [
        match
        for match in matches
        if match.encoding.startswith(_WINDOWS) and match.chaos <= best.chaos + _NEAR_TIE
    ]
    chosen = min(windows, key=lambda match: match.chaos) if windows else best
    return str(chosen), chosen.encoding
