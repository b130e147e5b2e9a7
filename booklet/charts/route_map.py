"""Route maps: a schematic map of places and the routes between them, with no map data.

Places are dots on a plain equirectangular grid (degrees, with the longitude
scale taken at the map's middle latitude) and routes are lines whose dash pattern
says how goods travelled, so the map reads without colour. A route that leaves
the map is cut at its edge and names the place it heads for. The facts of a route
map are cited in its caption; they are not drawn.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from booklet.facts.model import Fact

from .canvas import BACKING, MM, MUTED, new_figure, text_size
from .model import ChartStyle

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure as MplFigure

DASHES: dict[str, tuple[float, tuple[float, ...] | None]] = {
    "road": (0, None),  # solid
    "rail": (0, (6.0, 2.0)),
    "sea": (0, (1.0, 1.8)),
    "air": (0, (7.0, 2.0, 1.5, 2.0)),
}
FRAME = "#9a9a9a"
GRATICULE = "#e0e0e0"
SMALL = 0.85  # graticule labels and "to …" notes, relative to the chart's font size
MARGIN = 2.0  # points around the drawing
_DISTANCES = (4.0, 9.0)  # points from a dot to its name: near if there is room
TEXT_CLEARANCE = 1.5  # points kept clear around a name: its white backing reaches 1.1
CLEARLY_NEARER = 3.0  # points: a name must be this much nearer its own dot than any other
CROWD = 30.0  # points: places nearer than this compete for room to write their names
_STEPS = (1, 2, 5, 10, 15, 20, 30, 45, 60, 90)
# Where a name may go around its dot, in order of preference: right, left, above,
# below, then the corners. The numbers are directions, scaled by each of _DISTANCES.
_AROUND = ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1))
MIN_RATIO = 0.42  # map height over width: flatter than this leaves the names no room
MAX_RATIO = 1.0  # taller than wide would not fit beside the text on an A5 page
SAMPLE = 22.0  # points: the stretch of line the legend shows for each route

Extent = tuple[float, float, float, float]  # west, east, south, north in degrees
Point = tuple[float, float]  # longitude, latitude in degrees
Segment = tuple[tuple[float, float], tuple[float, float]]  # in points on the drawing


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    at: Point
    offset: tuple[float, float] | None = None  # points; None: placed clear of the rest


@dataclass(frozen=True, slots=True)
class Route:
    stops: tuple[str | Point, ...]  # place names, or bare waypoints to bend a line around land
    label: str
    style: str  # a key of DASHES


@dataclass(frozen=True, slots=True)
class RouteMap:
    """Places and the routes between them; the facts are kept for the caption."""

    facts: tuple[Fact, ...]
    places: tuple[Place, ...]
    routes: tuple[Route, ...]
    extent: Extent | None = None  # None: the map fits every place

    def draw(self, style: ChartStyle) -> MplFigure:
        sheet = _Sheet.fit(self, style)
        figure = new_figure(style.width_mm, sheet.height / MM)
        axes = figure.add_axes((0, 0, 1, 1))
        axes.set_xlim(0, sheet.width)
        axes.set_ylim(0, sheet.height)
        axes.set_axis_off()
        sheet.draw_graticule(axes, style)
        # routes with one label and line style are one kind of route: one colour, one legend entry
        kinds = list(dict.fromkeys((route.label, route.style) for route in self.routes))
        colours = [
            style.colours[kinds.index((route.label, route.style)) % len(style.colours)]
            for route in self.routes
        ]
        lines: list[Segment] = []
        for route, colour in zip(self.routes, colours, strict=True):
            lines += sheet.draw_route(axes, route, self._where, colour)
        places = [place for place in self.places if sheet.shows(place.at)]
        dots = sheet.draw_places(axes, places, style)
        notes = [note for route in self.routes for note in sheet.exits(route, self._where)]
        names = [_Note(place.name, sheet.at(place.at), offset=place.offset) for place in places]
        sheet.draw_texts(axes, notes + names, dots, lines, style)
        sheet.draw_legend(axes, self.routes, colours, style)
        return figure

    def _where(self, stop: str | Point) -> Point:
        if isinstance(stop, str):
            return next(place.at for place in self.places if place.name == stop)
        return stop


@dataclass(frozen=True, slots=True)
class _Note:
    """A text to set beside a point of the map: a place's name, or where a route leaves."""

    text: str
    at: tuple[float, float]  # points on the drawing
    scale: float = 1.0
    offset: tuple[float, float] | None = None  # the curator's choice; None: the best free spot
    is_note: bool = False


@dataclass(frozen=True, slots=True)
class _Box:
    left: float
    bottom: float
    right: float
    top: float

    def meets(self, other: _Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.bottom < other.top
            and other.bottom < self.top
        )

    def grown(self, margin: float) -> _Box:
        return _Box(
            self.left - margin, self.bottom - margin, self.right + margin, self.top + margin
        )

    def gap(self, point: tuple[float, float]) -> float:
        """How far the point lies from the box; 0 inside it."""
        x, y = point
        return math.hypot(
            max(self.left - x, 0, x - self.right), max(self.bottom - y, 0, y - self.top)
        )

    def crosses(self, line: Segment) -> bool:
        return _clip(*line, (self.left, self.right, self.bottom, self.top)) is not None

    def inside(self, other: _Box) -> bool:
        return (
            self.left >= other.left
            and self.right <= other.right
            and self.bottom >= other.bottom
            and self.top <= other.top
        )


@dataclass(frozen=True, slots=True)
class _Sheet:
    """The drawing's geometry in points: where the map frame sits, and the projection."""

    width: float
    height: float
    frame: _Box
    extent: Extent
    legend_rows: tuple[tuple[int, ...], ...]  # route indices on each line of the legend

    @staticmethod
    def fit(chart: RouteMap, style: ChartStyle) -> _Sheet:
        width = style.width_mm * MM
        line = text_size("Ag", style)[1]
        small = text_size("Ag", style, SMALL)[1]
        left = MARGIN + text_size("45°N", style, SMALL)[0] + 4
        frame_width = width - left - MARGIN - 4
        rows = _legend_rows(chart.routes, width - 2 * MARGIN, style)
        bottom = MARGIN + len(rows) * (line + 4) + (4 if rows else 0) + small + 4
        waypoints = [
            stop for route in chart.routes for stop in route.stops if not isinstance(stop, str)
        ]
        spread = [place.at for place in chart.places] + waypoints
        extent = _fitted(chart.extent or _around(spread), frame_width)
        west, east, south, north = extent
        frame_height = frame_width * (north - south) / ((east - west) * _squeeze(extent))
        frame = _Box(left, bottom, left + frame_width, bottom + frame_height)
        return _Sheet(width, frame.top + small / 2 + MARGIN, frame, extent, rows)

    def at(self, point: Point) -> tuple[float, float]:
        west, east, south, north = self.extent
        frame = self.frame
        return (
            frame.left + (point[0] - west) / (east - west) * (frame.right - frame.left),
            frame.bottom + (point[1] - south) / (north - south) * (frame.top - frame.bottom),
        )

    def shows(self, point: Point) -> bool:
        west, east, south, north = self.extent
        return west <= point[0] <= east and south <= point[1] <= north

    def draw_graticule(self, axes: Axes, style: ChartStyle) -> None:
        west, east, south, north = self.extent
        step = next(step for step in _STEPS if max(east - west, north - south) / step <= 7)
        size = style.font_size_pt * SMALL
        for lon in range(math.ceil(west / step) * step, math.floor(east / step) * step + 1, step):
            x = self.at((lon, south))[0]
            axes.plot([x, x], [self.frame.bottom, self.frame.top], color=GRATICULE, lw=0.5)
            axes.text(
                x,
                self.frame.bottom - 3,
                _degrees(lon, "E", "W"),
                ha="center",
                va="top",
                size=size,
                color=MUTED,
            )
        for lat in range(math.ceil(south / step) * step, math.floor(north / step) * step + 1, step):
            y = self.at((west, lat))[1]
            axes.plot([self.frame.left, self.frame.right], [y, y], color=GRATICULE, lw=0.5)
            if y - self.frame.bottom < size:  # it would touch the longitude under the corner
                continue
            axes.text(
                self.frame.left - 3,
                y,
                _degrees(lat, "N", "S"),
                ha="right",
                va="center",
                size=size,
                color=MUTED,
            )
        frame = self.frame
        axes.plot(
            [frame.left, frame.right, frame.right, frame.left, frame.left],
            [frame.bottom, frame.bottom, frame.top, frame.top, frame.bottom],
            color=FRAME,
            lw=0.6,
            solid_joinstyle="miter",
        )

    def draw_route(
        self, axes: Axes, route: Route, where: Callable[[str | Point], Point], colour: str
    ) -> list[Segment]:
        """Draw the route, cut at the frame; returns its pieces, in points."""
        runs: list[list[Point]] = []  # unbroken stretches inside the frame
        for start, end in itertools.pairwise([where(stop) for stop in route.stops]):
            cut = _clip(start, end, self.extent)
            if cut is None:
                continue
            if runs and runs[-1][-1] == cut[0]:
                runs[-1].append(cut[1])
            else:
                runs.append([cut[0], cut[1]])
        segments: list[Segment] = []
        for run in runs:
            spots = [self.at(point) for point in run]
            axes.plot(
                [x for x, _ in spots],
                [y for _, y in spots],
                color=colour,
                lw=1.6,
                linestyle=DASHES[route.style],
                dash_capstyle="butt",
                solid_capstyle="round",
                solid_joinstyle="round",
                zorder=2,
            )
            segments += itertools.pairwise(spots)
        return segments

    def exits(self, route: Route, where: Callable[[str | Point], Point]) -> list[_Note]:
        """Notes "to <place>" where a route from a place off the map comes onto it."""
        points = [where(stop) for stop in route.stops]
        notes = []
        for stop, way in ((route.stops[0], points), (route.stops[-1], points[::-1])):
            if not isinstance(stop, str) or self.shows(way[0]):
                continue
            cuts = (_clip(start, end, self.extent) for start, end in itertools.pairwise(way))
            if cut := next((cut for cut in cuts if cut is not None), None):
                notes.append(_Note(f"to {stop}", self.at(cut[0]), SMALL, is_note=True))
        return notes

    def draw_places(self, axes: Axes, places: Sequence[Place], style: ChartStyle) -> list[_Box]:
        """The dots; returns the space they take."""
        spots = [self.at(place.at) for place in places]
        axes.plot(
            [x for x, _ in spots],
            [y for _, y in spots],
            linestyle="none",
            marker="o",
            markersize=4,
            color=style.ink,
            markeredgecolor="white",
            markeredgewidth=0.8,
            zorder=3,
        )
        return [_Box(x - 2.5, y - 2.5, x + 2.5, y + 2.5) for x, y in spots]

    def draw_texts(
        self,
        axes: Axes,
        notes: Sequence[_Note],
        taken: list[_Box],
        lines: Sequence[Segment],
        style: ChartStyle,
    ) -> None:
        """Each text where it covers the least: no other text or dot, and few lines.

        The most crowded places choose first, while they still have room to choose.
        """

        def crowding(note: _Note) -> int:
            x, y = note.at
            return -sum(abs(x - a) < CROWD and abs(y - b) < CROWD for a, b in spots)

        spots = [other.at for other in notes if not other.is_note]
        for note in sorted(notes, key=lambda note: (not note.is_note, crowding(note))):
            others = [spot for spot in spots if spot != note.at]
            width, height = text_size(note.text, style, note.scale)
            offsets = [note.offset] if note.offset else [
                (dx * distance, dy * distance) for distance in _DISTANCES for dx, dy in _AROUND
            ]  # fmt: skip
            boxes = [
                self._within(_text_box(*note.at, *offset, width, height)) for offset in offsets
            ]
            box = min(
                boxes,
                key=lambda box: (
                    not box.inside(self.frame),
                    sum(box.meets(other) for other in taken),
                    # a name not clearly nearer its own dot than another could name the wrong one
                    sum(box.gap(spot) < box.gap(note.at) + CLEARLY_NEARER for spot in others),
                    sum(box.crosses(line) for line in lines),
                ),
            )  # min() keeps the first of equals: the nearest, preferred side
            axes.text(
                box.left,
                box.bottom,
                note.text,
                ha="left",
                va="bottom",
                size=style.font_size_pt * note.scale,
                color=MUTED if note.is_note else style.ink,
                bbox=BACKING,
                zorder=4,
            )
            taken.append(box.grown(TEXT_CLEARANCE))

    def _within(self, box: _Box) -> _Box:
        """The box moved just inside the frame, if it crosses it: no text hangs off the map."""
        frame, pad = self.frame, 2.0
        dx = max(frame.left + pad - box.left, 0) + min(frame.right - pad - box.right, 0)
        dy = max(frame.bottom + pad - box.bottom, 0) + min(frame.top - pad - box.top, 0)
        return _Box(box.left + dx, box.bottom + dy, box.right + dx, box.top + dy)

    def draw_legend(
        self, axes: Axes, routes: Sequence[Route], colours: Sequence[str], style: ChartStyle
    ) -> None:
        line = text_size("Ag", style)[1] + 4
        y = MARGIN + line * len(self.legend_rows) - line / 2
        for row in self.legend_rows:
            x = MARGIN
            for index in row:
                route = routes[index]
                axes.plot(
                    [x, x + SAMPLE],
                    [y, y],
                    color=colours[index],
                    lw=1.6,
                    linestyle=DASHES[route.style],
                    dash_capstyle="butt",
                )
                axes.text(x + SAMPLE + 4, y, route.label, ha="left", va="center_baseline")
                x += _entry_width(route, style)
            y -= line


def _entry_width(route: Route, style: ChartStyle) -> float:
    return SAMPLE + 4 + text_size(route.label, style)[0] + 12


def _legend_rows(
    routes: Sequence[Route], width: float, style: ChartStyle
) -> tuple[tuple[int, ...], ...]:
    rows: list[list[int]] = []
    used = width
    shown: set[tuple[str, str]] = set()
    for index, route in enumerate(routes):
        if (route.label, route.style) in shown:
            continue  # drawn in the colour of the first route of its kind, listed once
        shown.add((route.label, route.style))
        entry = _entry_width(route, style)
        if used + entry - 12 > width:
            rows.append([])
            used = 0
        rows[-1].append(index)
        used += entry
    return tuple(tuple(row) for row in rows)


def _text_box(x: float, y: float, dx: float, dy: float, width: float, height: float) -> _Box:
    """The box of a name set off from its dot by (dx, dy) points, on the side away from it."""
    left = x + dx if dx > 0 else x + dx - width if dx < 0 else x - width / 2
    bottom = y + dy if dy > 0 else y + dy - height if dy < 0 else y - height / 2
    return _Box(left, bottom, left + width, bottom + height)


def _degrees(value: int, positive: str, negative: str) -> str:
    if value == 0:
        return "0°"
    return f"{abs(value)}°{positive if value > 0 else negative}"


def _squeeze(extent: Extent) -> float:
    """How much shorter a degree of longitude is than one of latitude, at the middle."""
    return math.cos(math.radians((extent[2] + extent[3]) / 2))


def _around(points: Sequence[Point]) -> Extent:
    """The places' extent with a margin, so no dot or name sits on the frame."""
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    pad_lon = max((max(lons) - min(lons)) * 0.08, 1.0)
    pad_lat = max((max(lats) - min(lats)) * 0.1, 1.0)
    return min(lons) - pad_lon, max(lons) + pad_lon, min(lats) - pad_lat, max(lats) + pad_lat


def _fitted(extent: Extent, frame_width: float) -> Extent:
    """The extent widened, if need be, so the map is neither a strip nor a tower."""
    west, east, south, north = extent
    ratio = (north - south) / ((east - west) * _squeeze(extent))
    if ratio < MIN_RATIO:
        grow = ((east - west) * _squeeze(extent) * MIN_RATIO - (north - south)) / 2
        return west, east, south - grow, north + grow
    if ratio > MAX_RATIO:
        grow = ((north - south) / (MAX_RATIO * _squeeze(extent)) - (east - west)) / 2
        return west - grow, east + grow, south, north
    return extent


def _clip(start: Point, end: Point, extent: Extent) -> tuple[Point, Point] | None:
    """The part of a segment inside the extent (the Liang-Barsky method), or None."""
    west, east, south, north = extent
    dx, dy = end[0] - start[0], end[1] - start[1]
    low, high = 0.0, 1.0
    for step, room in (
        (-dx, start[0] - west),
        (dx, east - start[0]),
        (-dy, start[1] - south),
        (dy, north - start[1]),
    ):
        if step == 0:
            if room < 0:
                return None
            continue
        ratio = room / step
        if step < 0:
            low = max(low, ratio)
        else:
            high = min(high, ratio)
    if low > high:
        return None
    return (
        (start[0] + low * dx, start[1] + low * dy),
        (start[0] + high * dx, start[1] + high * dy),
    )
