# English as the EU writes it: day, month, year; a 24-hour clock.
DATE_FORMAT = "j F Y"  # 29 December 2022
DATETIME_FORMAT = "j F Y, H:i"  # 29 December 2022, 14:30
SHORT_DATE_FORMAT = "j M Y"  # 29 Dec 2022
SHORT_DATETIME_FORMAT = "j M Y, H:i"  # 29 Dec 2022, 14:30
