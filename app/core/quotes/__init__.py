"""Direct-quote extraction: find every quotation in an article body, with its sentences, offsets and speaker.

- ``marks``: pairing quotation marks (apostrophes, nesting, quotes running over paragraphs, headings);
- ``people``: names and roles in capitalised runs, and the registry of the people an article introduces;
- ``attribution``: who said each quotation (cue verbs, appositives, pronouns, continuation);
- ``assemble``: the entry point that ties them together.
"""

from app.core.quotes.assemble import TooManyQuotes, extract_quotes

__all__ = ["TooManyQuotes", "extract_quotes"]
