"""Direct-quote extraction: find every quotation in an article body, with its sentences, offsets and speaker.

- ``marks``: pairing quotation marks (apostrophes, nesting, quotes running over paragraphs, headings);
- ``people``: names and roles in capitalised runs, and the registry of the people an article introduces;
- ``attribution``: who said each quotation: the places an attribution sits, tried in order;
  - ``cues``: the cue verbs that mark speech;
  - ``mentions``: what a speaker mention is (shape, cleaning, validity);
  - ``mention_before`` / ``mention_after``: the mention before a cue ("Jo Doe, the mayor, said") and after a
    cue or closing mark (`"...," said Jo Doe`, "according to ...");
  - ``context``: the running context of an article (people in focus, pronouns) and the resolution of mentions;
  - ``subjects``: who a sentence is about, for later pronouns and words quoted inside it;
  - ``organisations``: organisations and documents as speakers ("the ministry said", "the statement said");
- ``assemble``: the entry point that ties them together.
"""

from app.core.quotes.assemble import TooManyQuotes, extract_quotes

__all__ = ["TooManyQuotes", "extract_quotes"]
