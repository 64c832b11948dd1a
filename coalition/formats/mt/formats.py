# Maltese, which Django has no formats for (it would write American dates):
# day, month, year; a 24-hour clock; 1,234.5 as Malta writes numbers.
DATE_FORMAT = "j F Y"  # 29 Diċembru 2022
DATETIME_FORMAT = "j F Y, H:i"  # 29 Diċembru 2022, 14:30
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"  # Diċembru 2022
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"  # 29/12/2022
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y"]
DATETIME_INPUT_FORMATS = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
