"""Read a route map's options: the places, the routes between them, and where names go.

places = { "Alma-Ata" = [76.95, 43.25], "Lanzhou" = [103.8, 36.06] }   # [longitude, latitude]
routes = [ { path = ["Alma-Ata", "Lanzhou"], label = "Road and air", style = "road" } ]
label_offsets = { "Lanzhou" = [0, -8] }   # points right and up from the dot
extent = [70, 135, 15, 48]                # west, east, south, north: the rest is cut off
"""

from __future__ import annotations

from typing import Any

from booklet.diagnostics import Problem
from booklet.facts.model import ChartSpec, Fact
from booklet.tomlfile import near_miss, unknown_keys

from .options import OptionReader, is_number
from .route_map import DASHES, Extent, Place, Point, Route, RouteMap

_OPTIONS = ("places", "routes", "label_offsets", "extent")
_ROUTE_KEYS = ("path", "label", "style")


def read_route_map(
    spec: ChartSpec, facts: tuple[Fact, ...]
) -> tuple[RouteMap | None, list[Problem]]:
    reader = OptionReader(spec, _OPTIONS)
    points = _places(reader)
    offsets = _offsets(reader, points)
    routes = _routes(reader, points)
    extent = _extent(reader)
    if extent and points and not any(_within(point, extent) for point in points.values()):
        reader.problem(
            "no place lies inside `extent`", "widen `extent`: [west, east, south, north]"
        )
    if reader.problems:
        return None, reader.problems
    places = tuple(Place(name, point, offsets.get(name)) for name, point in points.items())
    return RouteMap(facts, places, tuple(routes), extent), []


def _places(reader: OptionReader) -> dict[str, Point]:
    example = 'places = { "Lanzhou" = [103.8, 36.06] }'
    table = reader.table("places", example)
    if not table and "places" not in reader.spec.options:
        reader.problem(
            "option `places` is missing", f"name each place with its position: {example}"
        )
    points = {}
    for name, value in table.items():
        if point := _point(reader, value, f"place '{name}'", f'"{name}" = [103.8, 36.06]'):
            points[name] = point
    return points


def _point(reader: OptionReader, value: Any, what: str, example: str) -> Point | None:
    if not (isinstance(value, list) and len(value) == 2 and all(map(is_number, value))):
        reader.problem(f"{what} must be [longitude, latitude]", f"write it like this: {example}")
        return None
    lon, lat = float(value[0]), float(value[1])
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        reader.problem(
            f"{what} is at [{lon:g}, {lat:g}], which is not on the globe",
            "give longitude first (-180 to 180), then latitude (-90 to 90)",
        )
        return None
    return lon, lat


def _offsets(reader: OptionReader, points: dict[str, Point]) -> dict[str, tuple[float, float]]:
    table = reader.table("label_offsets", 'label_offsets = { "Lanzhou" = [0, -8] }')
    offsets = {}
    for name, value in table.items():
        if name not in points:
            guess = near_miss(name, points)
            reader.problem(
                f"`label_offsets` names '{name}', which is not in `places`",
                f"did you mean '{guess}'?" if guess else "use a name from `places`",
            )
        elif isinstance(value, list) and len(value) == 2 and all(map(is_number, value)):
            offsets[name] = (float(value[0]), float(value[1]))
        else:
            reader.problem(
                f"the label offset of '{name}' must be [right, up] in points",
                f'write it like this: "{name}" = [4, -8]',
            )
    return offsets


def _routes(reader: OptionReader, points: dict[str, Point]) -> list[Route]:
    value = reader.spec.options.get("routes", [])
    example = 'routes = [{ path = ["Alma-Ata", "Lanzhou"], label = "Road", style = "road" }]'
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        reader.wrong("routes", "a list of tables", example)
        return []
    routes = []
    for number, table in enumerate(value, start=1):
        what = f"route {number}"
        reader.problems += unknown_keys(
            table, _ROUTE_KEYS, reader.spec.origin, f"{what} of chart '{reader.spec.id}'"
        )
        stops = _stops(reader, table.get("path"), points, what)
        style = table.get("style", "road")
        if style not in DASHES:
            guess = near_miss(str(style), DASHES)
            hint = f'did you mean "{guess}"?' if guess else f"use one of: {', '.join(DASHES)}"
            reader.problem(f"{what} has an unknown style '{style}'", hint)
        label = table.get("label", _default_label(stops))
        if not isinstance(label, str):
            reader.problem(
                f"the label of {what} must be text", 'write it like this: label = "Road"'
            )
        elif stops:
            routes.append(Route(stops, label, str(style)))
    return routes


def _stops(
    reader: OptionReader, path: Any, points: dict[str, Point], what: str
) -> tuple[str | Point, ...]:
    if not isinstance(path, list) or len(path) < 2:
        reader.problem(
            f"{what} needs a `path` of two places or more",
            'write it like this: path = ["Alma-Ata", "Urumqi", "Lanzhou"]',
        )
        return ()
    stops: list[str | Point] = []
    for stop in path:
        if isinstance(stop, str):
            if stop not in points:
                guess = near_miss(stop, points)
                reader.problem(
                    f"{what} goes through '{stop}', which is not in `places`",
                    f"did you mean '{guess}'?" if guess else "add it to `places` with its position",
                )
            stops.append(stop)
        elif point := _point(reader, stop, f"a waypoint of {what}", "[100.0, 5.0]"):
            stops.append(point)
    return tuple(stops)


def _default_label(stops: tuple[str | Point, ...]) -> str:
    names = [stop for stop in stops if isinstance(stop, str)]
    return f"{names[0]} to {names[-1]}" if len(names) > 1 else "Route"


def _extent(reader: OptionReader) -> Extent | None:
    value = reader.spec.options.get("extent")
    if value is None:
        return None
    if not (isinstance(value, list) and len(value) == 4 and all(map(is_number, value))):
        reader.wrong(
            "extent", "[west, east, south, north] in degrees", "extent = [70, 135, 15, 48]"
        )
        return None
    west, east, south, north = (float(number) for number in value)
    if not (west < east and south < north):
        reader.problem(
            "`extent` must go from west to east and from south to north",
            "write it as [west, east, south, north], e.g. extent = [70, 135, 15, 48]",
        )
        return None
    return west, east, south, north


def _within(point: Point, extent: Extent) -> bool:
    west, east, south, north = extent
    return west <= point[0] <= east and south <= point[1] <= north
