"""Turn the digital edition into the print edition: pages on sheets for a folded booklet.

Printed on both sides, flipped on the short edge, then stacked, folded in the
middle and stapled, the sheets read in order, from the front cover to the back.
A print shop may instead want the pages one by one, with bleed and crop marks,
to impose them itself: that is the print-shop file.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .options import PrintOptions

if TYPE_CHECKING:
    from .print_edition import impose, print_problems
    from .shop_file import print_shop

__all__ = ["PrintOptions", "impose", "print_problems", "print_shop"]


def __getattr__(name: str) -> object:
    """The imposing functions on first use: they need pypdf, 60 ms to import, which a build
    imports while its pages are being set (see booklet.alongside)."""
    if name in ("impose", "print_problems"):
        from . import print_edition

        return getattr(print_edition, name)
    if name == "print_shop":
        from .shop_file import print_shop

        return print_shop
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
