"""Find the figures and the dates a sentence states, and tell the two apart.

"In October 1937, some 450 pilots assembled" states one figure (some 450) and one
date (October 1937). Counts, amounts of money, measures, durations and percentages
are figures; the years and days that date something, ordinals ("19th"), clock
times, list and page markers and the numbers inside names ("MiG-9", "Type 95") are
not. The rules are about how English writes numbers, never about one document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from booklet.dates import EN_DASH, MONTHS, parse_date

from .values import HEDGES, WORD_NUMBER, word_value


def word_set(text: str) -> frozenset[str]:
    """A set of words written as one string: long word lists stay readable."""
    return frozenset(text.split())


_NUMBER = re.compile(
    r"(?<![\w.,/])(?:(?P<currency>[$£€])\s?)?"
    r"(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d)"
    rf"|(?<![\w-])(?P<words>{WORD_NUMBER})(?!\w)",
    re.IGNORECASE,
)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "k": 1e3, "m": 1e6, "bn": 1e9}
_SCALE = re.compile(r"[\s-](thousand|million|billion)\b", re.IGNORECASE)
CURRENCIES = {"$": "USD", "£": "GBP", "€": "EUR"}

_MEASURE_FORMS = {
    "km": ("km", "kilometre", "kilometres", "kilometer", "kilometers"),
    "m": ("metre", "metres", "meter", "meters"),
    "cm": ("cm", "centimetre", "centimetres", "centimeter", "centimeters"),
    "mm": ("mm", "millimetre", "millimetres", "millimeter", "millimeters"),
    "miles": ("mile", "miles"),
    "feet": ("foot", "feet", "ft"),
    "inches": ("inch", "inches"),
    "yards": ("yard", "yards"),
    "kg": ("kg", "kilogram", "kilograms", "kilo", "kilos"),
    "g": ("gram", "grams", "gramme", "grammes"),
    "tons": ("ton", "tons"),
    "tonnes": ("tonne", "tonnes"),
    "lb": ("lb", "lbs"),
    "litres": ("litre", "litres", "liter", "liters"),
    "gallons": ("gallon", "gallons"),
    "acres": ("acre", "acres"),
    "hectares": ("hectare", "hectares"),
    "seconds": ("second", "seconds"),
    "minutes": ("minute", "minutes"),
    "hours": ("hour", "hours"),
    "days": ("day", "days"),
    "weeks": ("week", "weeks"),
    "months": ("month", "months"),
    "years": ("year", "years"),
    "decades": ("decade", "decades"),
    "centuries": ("century", "centuries"),
    "degrees": ("degree", "degrees"),
}
# Measures as written -> the unit facts.toml uses. Single letters only in this exact case.
_MEASURES = {
    **{form: unit for unit, forms in _MEASURE_FORMS.items() for form in forms},
    **{"%": "percent", "percent": "percent", "per cent": "percent"},
    **{"°C": "°C", "°F": "°F", "C": "°C", "F": "°F", "m": "m", "g": "g"},
}
_MEASURE_AFTER = re.compile(r"\s?(%)|\s?(°[CF])|\s+(per cent)\b|\s+([A-Za-z]+)\b")
_GLUED = re.compile(r"[A-Za-z]+\b")

_HEDGE = re.compile(
    r"\b(" + "|".join(re.escape(hedge) for hedge in HEDGES) + r")\s+$", re.IGNORECASE
)
# A word that names what follows it ("page 12", "Type 95", "board two"): a marker or a name.
_DESIGNATION = re.compile(
    r"(?:\b(?:p|pp|pages?|para|paragraphs?|chapters?|section|no|nos|number|vol|volume|fig"
    r"|figure|table|type|model|mark|mk|route|board|platform|flight|room|part|article|act"
    r"|verse|item|step|episode|version)\.?|[§¶#№])\s*$",
    re.IGNORECASE,
)
_FRACTION = re.compile(
    r"\s+(?:half|halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b",
    re.IGNORECASE,
)
_TIME = re.compile(r"\s?(?:am|pm|a\.m\.|p\.m\.|o'clock)(?!\w)", re.IGNORECASE)
_ORDINAL = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
_COMPOUND = re.compile(r"-([A-Za-z]+)((?:-[A-Za-z]+)*)")
_NEXT_WORD = re.compile(r"\s+([A-Za-z][\w'\u2019-]*)")
# "one" is a figure in "one year", a pronoun in "each one", "the one who", "one of them".
_NOT_BEFORE_ONE = {"the", "each", "this", "that", "no", "any", "every", "which", "another", "a"}
_NOT_AFTER_ONE = {"of", "or", "and", "another", "after", "by", "who", "that", "which", "in"}
_NOT_AFTER_ONE |= {"at", "on", "to", "is", "was", "day", "more", "such", "way", "first", "last"}

_MONTH = "|".join(MONTHS)
_YEAR = r"1\d{3}|20\d{2}"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE = re.compile(
    r"(?<![\w$£€.,/])(?:"
    rf"(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:\s+and\s+{_DAY})?(?:,?\s+(?P<y1>{_YEAR}))?"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?"
    rf"|(?P<m3>{_MONTH}),?\s+(?P<y3>{_YEAR})"
    r"|(?P<decade>(?:1\d|20)\d0)s"
    rf"|(?P<y4>{_YEAR})"
    r")(?![\w%/]|[.,]\d)"
)
_PART_OF_YEAR = r"early|late|mid|middle|end|beginning|start|autumn|fall|spring|summer|winter"
_SEASON = rf"(?:the\s+)?(?:(?:{_PART_OF_YEAR})-?\s*(?:of\s+)?)?(?:the\s+)?"
_RANGE_OPENS = re.compile(rf"\b(?:from|between)\s+{_SEASON}$", re.IGNORECASE)
_RANGE_WORD = re.compile(rf"\s*(?:to|until|till|through|and)\s+{_SEASON}", re.IGNORECASE)
_RANGE_DASH = re.compile(r"\s*[-\u2013\u2014]\s*")

# Words that never name what is counted (after one, a four-digit number is a year).
FUNCTION_WORDS = word_set(
    "a an the of in on at to from by for with into onto over under along across through during "
    "since until till between among against about after before within without per via near "
    "towards toward around beyond behind below above beside besides off up down out like as and "
    "or but nor so yet than that which who whom whose when where while if because though "
    "although unless whether is are was were be been being am has have had do does did will "
    "would shall should can could may might must it its they them their he him his she her we "
    "us our you your i me my this these those there here then now also only just still even "
    "each every all both either neither some any no not more most less least such same other "
    "another own very too quite again already ago later earlier respectively altogether apiece "
    "together several many few much various numerous countless"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date in a sentence; without a year ("August 8") it dates nothing on its own."""

    start: int
    end: int
    date: str | None  # "1937", "1937-10", "1937-12-01", or two of them joined by an en dash
    year: int | None


@dataclass(frozen=True, slots=True)
class StatedFigure:
    """A number a sentence states as a figure, with its unit and the writer's hedge."""

    start: int  # where the number starts: its currency sign, or "a" of "a hundred"
    end: int  # after the number, its scale word and its unit
    value: float
    unit: str | None  # "USD", "km", "percent", "years"; None when it counts things
    qualifier: str | None  # "some", "more than", ... as written, lowercased
    nouns_from: int  # where the words saying what it counts may begin

    @property
    def is_count(self) -> bool:
        return self.unit is None


def find_dates(sentence: str) -> list[DateMention]:
    """Every date in the sentence, a range ("from 1938 to 1939") as one period."""
    mentions: list[DateMention] = []
    for match in _DATE.finditer(sentence):
        mention = _date_mention(sentence, match)
        if mention is not None:
            mentions.append(mention)
    return _join_ranges(sentence, mentions)


def find_figures(sentence: str, dates: list[DateMention]) -> list[StatedFigure]:
    """Every figure the sentence states, in order; dates and names are left out."""
    figures: list[StatedFigure] = []
    for match in _NUMBER.finditer(sentence):
        if any(date.start <= match.start() < date.end for date in dates):
            continue
        figure = _figure(sentence, match)
        if figure is not None:
            figures.append(figure)
    return figures


def hedge_before(text: str) -> str | None:
    """The hedge ending the text, as `booklet check` reads it: "some", "more than"."""
    hedge = _HEDGE.search(text[-20:])
    return hedge[1].lower() if hedge else None


def is_plural(word: str) -> bool:
    """Whether a noun looks plural: "trains", "men", "personnel", "aircraft"."""
    word = word.lower()
    if word in _PLURAL_ALWAYS:
        return True
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 2


_PLURAL_ALWAYS = word_set(
    "men women people children personnel aircraft staff crew police cattle sheep fish deer "
    "troops feet teeth mice geese"
)


def _date_mention(sentence: str, match: re.Match[str]) -> DateMention | None:
    if match["y4"]:
        following = _NEXT_WORD.match(sentence, match.end())
        if following and _names_what_is_counted(following[1]):
            return None  # "1500 men": a count, not a year
        return DateMention(match.start(), match.end(), match["y4"], int(match["y4"]))
    if match["decade"]:
        first = int(match["decade"])
        return DateMention(match.start(), match.end(), f"{first}{EN_DASH}{first + 9}", first)
    month_name = match["m1"] or match["m2"] or match["m3"]
    month = MONTHS.index(month_name) + 1
    day_text = match["d1"] or match["d2"]
    day = int(re.sub(r"\D", "", day_text)) if day_text else None
    if day is not None and not 1 <= day <= 31:
        return None
    year_text = match["y1"] or match["y2"] or match["y3"]
    if year_text is None:
        return DateMention(match.start(), match.end(), None, None)
    iso = f"{year_text}-{month:02d}" + (f"-{day:02d}" if day else "")
    return DateMention(
        match.start(), match.end(), iso if parse_date(iso) else year_text, int(year_text)
    )


def _names_what_is_counted(word: str) -> bool:
    low = word.lower()
    return low not in FUNCTION_WORDS and (is_plural(low) or low in _MEASURES)


def _join_ranges(sentence: str, mentions: list[DateMention]) -> list[DateMention]:
    joined: list[DateMention] = []
    for mention in mentions:
        previous = joined[-1] if joined else None
        if previous and previous.date and mention.date and previous.year and mention.year:
            between = sentence[previous.end : mention.start]
            is_range = (
                _RANGE_WORD.fullmatch(between) is not None
                and _RANGE_OPENS.search(sentence[: previous.start]) is not None
            ) or (_RANGE_DASH.fullmatch(between) is not None and len(between.strip()) == 1)
            period = f"{previous.date.split(EN_DASH)[0]}{EN_DASH}{mention.date.split(EN_DASH)[-1]}"
            if is_range and parse_date(period):
                joined[-1] = DateMention(previous.start, mention.end, period, previous.year)
                continue
        joined.append(mention)
    return joined


def _figure(sentence: str, match: re.Match[str]) -> StatedFigure | None:
    before, end = sentence[max(0, match.start() - 30) : match.start()], match.end()
    if _DESIGNATION.search(before):
        return None
    if match["digits"]:
        value = float(match["digits"].replace(",", ""))
        if not _is_digit_figure(sentence, match):
            return None
    else:
        value = word_value(match["words"])
        if _FRACTION.match(sentence, end) or not _is_word_figure(sentence, match):
            return None
    unit = CURRENCIES.get(match["currency"] or "")
    scale = _SCALE.match(sentence, end)
    glued = _GLUED.match(sentence, end)
    if scale:
        value *= _SCALES[scale[1].lower()]
        end = scale.end()
    elif unit and glued and glued[0].lower() in ("k", "m", "bn"):
        value *= _SCALES[glued[0].lower()]  # "$5m", "£2bn"
        end = glued.end()
    elif glued:
        unit = _MEASURES.get(glued[0]) or _MEASURES.get(glued[0].lower())  # "85mm"
        end = glued.end()
    nouns_from = end
    compound = _COMPOUND.match(sentence, end)
    if compound and not unit:
        word = compound[1].lower()
        if word == "strong":  # "a 1.5-million-strong army": the army is counted
            nouns_from = compound.end()
        elif word in _MEASURES:  # "a forty-year history", "nine-year-old"
            unit, end = _MEASURES[word], compound.end()
            nouns_from = end
        else:
            return None  # "two-engine bombers", "T-34": describes or names, counts nothing
    elif not unit:
        measure = _MEASURE_AFTER.match(sentence, end)
        written = next((group for group in measure.groups() if group), "") if measure else ""
        named = _MEASURES.get(written) or _MEASURES.get(written.lower(), "")
        if measure and named and (len(written) > 1 or written in _MEASURES):
            unit, end = named, measure.end()
            nouns_from = end
    return StatedFigure(match.start(), end, value, unit, hedge_before(before), nouns_from)


def _is_digit_figure(sentence: str, match: re.Match[str]) -> bool:
    before, after = sentence[: match.start()], sentence[match.end() : match.end() + 12]
    if re.search(r"[A-Za-z][-\u2013]$", before[-2:]):
        return False  # "MiG-9", "T-34"
    if _ORDINAL.match(after) or re.match(r"/|:\d", after) or _TIME.match(after):
        return False  # "19th", "24/7", "10:30", "10 am"
    if before.endswith("[") and after.startswith("]"):
        return False  # a note marker
    if not before.strip() and re.match(r"[.)]\s", after):
        return False  # "1. Heat the oven"
    glued = _GLUED.match(after)
    if glued:
        word = glued[0]
        is_scale = bool(match["currency"]) and word.lower() in ("k", "m", "bn")
        return is_scale or word in _MEASURES or word.lower() in _MEASURES
    return True


def _is_word_figure(sentence: str, match: re.Match[str]) -> bool:
    if match["words"].lower() != "one":
        return True
    previous = re.findall(r"[A-Za-z]+", sentence[max(0, match.start() - 30) : match.start()])
    following = _NEXT_WORD.match(sentence, match.end())
    if {word.lower() for word in previous[-2:]} & _NOT_BEFORE_ONE:
        return False  # "each one", "a cheap one"
    if not following:
        return False
    word = following[1].lower()
    return (
        word not in FUNCTION_WORDS
        and word not in _NOT_AFTER_ONE
        and not word.endswith(("ed", "ly"))
    )
