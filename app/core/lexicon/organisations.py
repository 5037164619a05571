"""Kinds of organisation: the class nouns a later "the airline said" uses for a body, and the words that close
the proper names of bodies of that kind ("All Nippon Airways" is an airline, "Acme Corp." a company)."""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Why: "the airline said" names no body, but an article that named exactly one airline means that one. A name
# is of a kind when its head word (the last word, or the word before "of": "Department of Justice", "University
# of Leeds") is one of the kind's words. The class noun itself and its plural always count.
ORG_KINDS: dict[str, frozenset[str]] = {
    "airline": _words("airline airlines airways air"),
    "company": _words("company corp corporation co inc ltd plc llc holdings industries technologies motors"),
    "department": _words("department dept"),
    "ministry": _words("ministry"),
    "agency": _words("agency administration bureau service press"),
    "university": _words("university college"),
    "union": _words("union federation"),
    "newspaper": _words("times post journal herald tribune gazette telegraph guardian globe chronicle"),
    "network": _words("network broadcasting news"),
    "organisation": _words("organisation organization association foundation society institute"),
    "bank": _words("bank"),
    "court": _words("court"),
    "committee": _words("committee"),
    "commission": _words("commission"),
    "council": _words("council"),
    "hospital": _words("hospital clinic"),
    "party": _words("party"),
}
# Class nouns that are another word for one of the kinds above ("the carrier said" of an airline).
ORG_KIND_SYNONYMS: dict[str, str] = {
    "carrier": "airline",
    "firm": "company",
    "corporation": "company",
    "paper": "newspaper",
    "broadcaster": "network",
    "organization": "organisation",
    "association": "organisation",
    "foundation": "organisation",
    "institute": "organisation",
}
# Kinds a wider class noun also names: an airline or a bank is "the company" too (a newspaper or a broadcaster
# is rather the outlet that reports on it).
ORG_KIND_MEMBERS: dict[str, frozenset[str]] = {
    "company": _words("airline bank"),
}
# Small words inside a body's name that its initials skip ("Department of Justice" is "DOJ", "Bank of
# England" "BoE"), and that may sit between its capitalised words.
ORG_NAME_FUNCTION_WORDS = _words("of for and the on in &")
