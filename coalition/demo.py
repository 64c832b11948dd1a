"""Demo data shared by the apps: the 27 EU Member States and a seeded random source.

`manage.py seed_demo` calls each app's `demo.seed()` in dependency order. Every
seed function is deterministic (a fixed random seed) and idempotent (it looks
records up by a natural key before creating them)."""

from __future__ import annotations

# ISO 3166-1 alpha-2 codes of the 27 EU Member States, with a few cities each
# for realistic organisation names.
MEMBER_STATES: dict[str, tuple[str, ...]] = {
    "AT": ("Vienna", "Graz", "Linz"),
    "BE": ("Brussels", "Antwerp", "Ghent"),
    "BG": ("Sofia", "Plovdiv", "Varna"),
    "HR": ("Zagreb", "Split", "Rijeka"),
    "CY": ("Nicosia", "Limassol", "Larnaca"),
    "CZ": ("Prague", "Brno", "Ostrava"),
    "DK": ("Copenhagen", "Aarhus", "Odense"),
    "EE": ("Tallinn", "Tartu", "Narva"),
    "FI": ("Helsinki", "Espoo", "Tampere"),
    "FR": ("Paris", "Lyon", "Marseille"),
    "DE": ("Berlin", "Munich", "Hamburg"),
    "GR": ("Athens", "Thessaloniki", "Patras"),
    "HU": ("Budapest", "Debrecen", "Szeged"),
    "IE": ("Dublin", "Cork", "Galway"),
    "IT": ("Rome", "Milan", "Turin"),
    "LV": ("Riga", "Daugavpils", "Liepaja"),
    "LT": ("Vilnius", "Kaunas", "Klaipeda"),
    "LU": ("Luxembourg", "Esch-sur-Alzette", "Differdange"),
    "MT": ("Valletta", "Birkirkara", "Mosta"),
    "NL": ("Amsterdam", "Rotterdam", "Utrecht"),
    "PL": ("Warsaw", "Krakow", "Wroclaw"),
    "PT": ("Lisbon", "Porto", "Braga"),
    "RO": ("Bucharest", "Cluj-Napoca", "Iasi"),
    "SK": ("Bratislava", "Kosice", "Zilina"),
    "SI": ("Ljubljana", "Maribor", "Celje"),
    "ES": ("Madrid", "Barcelona", "Valencia"),
    "SE": ("Stockholm", "Gothenburg", "Malmo"),
}

SEED = 2026
