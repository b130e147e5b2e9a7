"""Flowables drawn one under another outside the page frame: covers and figures place their own."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

BOUNDLESS = 1e6  # height offered to a flowable that is measured, not fitted


def stack_height(flowables: Sequence[Flowable], width: float) -> float:
    total = 0.0
    for index, flowable in enumerate(flowables):
        total += flowable.wrap(width, BOUNDLESS)[1]
        if index:
            total += flowables[index - 1].getSpaceAfter()
    return total


def stack(
    canvas: Canvas, flowables: Sequence[Flowable], x: float, top: float, width: float
) -> float:
    """Draw flowables one under the other from `top`; the y where the last one ends."""
    y = top
    for index, flowable in enumerate(flowables):
        if index:
            y -= flowables[index - 1].getSpaceAfter()
        used_width, height = flowable.wrap(width, BOUNDLESS)
        y -= height
        centred = getattr(flowable, "hAlign", "LEFT") == "CENTER"
        flowable.drawOn(canvas, x + ((width - used_width) / 2 if centred else 0), y)
    return y


def stack_scaled(
    canvas: Canvas, flowables: Sequence[Flowable], x: float, top: float, width: float, scale: float
) -> None:
    """Draw flowables from `top` down, `scale` times their size, still filling `width`."""
    canvas.saveState()
    canvas.translate(x, top)
    canvas.scale(scale, scale)
    stack(canvas, flowables, 0, 0, width / scale)
    canvas.restoreState()
