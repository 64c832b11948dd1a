"""Date formats per language, where Django's own do not suit an EU site
(`FORMAT_MODULE_PATH`). French and German keep Django's ("29 décembre 2022",
"29. Dezember 2022"); English writes the day first, as the EU's style guide does,
instead of Django's American "Dec. 29, 2022". Templates name the format
(`|date:"DATE_FORMAT"`), never spell it out, so each language gets its own."""
