"""The few words the layout prints itself (Contents, Figure, …), in the booklet's language."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Labels:
    contents: str
    figures: str  # the list of figures
    figure: str  # "Figure 3"
    read_online: str  # beside the QR code
    sources: str  # the handout's list of notes


_LABELS = {
    "en": Labels("Contents", "Figures", "Figure", "Read this booklet online", "Sources"),
    "de": Labels("Inhalt", "Abbildungen", "Abbildung", "Dieses Heft online lesen", "Quellen"),
    "fr": Labels("Sommaire", "Figures", "Figure", "Lire ce livret en ligne", "Sources"),
    "es": Labels("Índice", "Figuras", "Figura", "Leer este folleto en línea", "Fuentes"),
    "it": Labels("Indice", "Figure", "Figura", "Leggi questo opuscolo online", "Fonti"),
    "nl": Labels("Inhoud", "Figuren", "Figuur", "Lees dit boekje online", "Bronnen"),
    "pt": Labels("Sumário", "Figuras", "Figura", "Leia este livreto online", "Fontes"),
    "ru": Labels("Содержание", "Иллюстрации", "Рисунок", "Читать брошюру онлайн", "Источники"),
}


def labels_for(language: str) -> Labels:
    """Labels for a BCP 47 tag such as "en-GB"; English when the language is not known."""
    return _LABELS.get(language.split("-")[0].split("_")[0].lower(), _LABELS["en"])
