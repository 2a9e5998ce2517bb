"""What the removal looks for (``receipts.py`` makes them): needles, each a removed value as
the keyed hashes of its words, or of their stems for a name's inflected forms, by whose
data they are; and the digests of deleted files. ``in_text`` says whose needles a text
holds, read as ``receipts.words`` reads it."""

from __future__ import annotations

from collections import defaultdict

from cms.core import names, numbers

from . import receipts

# Whose data a needle is: the kind's name and the item's id.
Owner = tuple[str, int]


class Needles:
    """Needles by owner, indexed by their first word hash (or, for a name's stems, by each
    hash of its first word's stems), and deleted files' digests."""

    def __init__(
        self, by_owner: dict[Owner, list[list[str]]], owners: dict[str, Owner] | None = None
    ) -> None:
        self.hasher = receipts.Hasher()
        self.first: dict[str, list[tuple[tuple[str, ...], Owner]]] = defaultdict(list)
        self.stemmed: dict[str, list[tuple[tuple[str, ...], Owner]]] = defaultdict(list)
        for owner, needles in by_owner.items():
            for needle in needles:
                if not needle:
                    continue
                entry = (tuple(needle), owner)
                if needle[0].startswith(receipts.STEM):
                    for stem in needle[0][1:].split(","):
                        self.stemmed[stem].append(entry)
                else:
                    self.first[needle[0]].append(entry)
        self.digests: dict[str, Owner] = dict(owners or {})  # file SHA-256 -> owner
        self._prefixes: dict[str, frozenset[str]] = {}

    def __bool__(self) -> bool:
        return bool(self.first or self.stemmed or self.digests)

    def entries(self) -> set[tuple[tuple[str, ...], Owner]]:
        return {e for index in (self.first, self.stemmed) for es in index.values() for e in es}

    def split(self, lawful: set[tuple[str, ...]]) -> tuple[Needles, dict[Owner, Needles]]:
        """These needles without those equal to a value in lawful use (``lawful``: their
        word hashes), and those, by owner: looked for only in the owner's own rows."""
        general: dict[Owner, list[list[str]]] = defaultdict(list)
        own: dict[Owner, list[list[str]]] = defaultdict(list)
        for needle, owner in sorted(self.entries()):
            (own if needle in lawful else general)[owner].append(list(needle))
        needles = Needles(dict(general), owners=self.digests)
        needles.hasher = self.hasher
        return needles, {owner: Needles({owner: found}) for owner, found in own.items()}

    def prefixes(self, word: str) -> frozenset[str]:
        """The hashes of ``word`` less each inflectional ending it has (``names.cut``)."""
        found = self._prefixes.get(word)
        if found is None:
            found = frozenset(map(self.hasher.word, names.cut(word)))
            if len(self._prefixes) < 500_000:
                self._prefixes[word] = found
        return found

    def _holds(self, element: str, word: str) -> bool:
        if element.startswith(receipts.STEM):
            return not self.prefixes(word).isdisjoint(element[1:].split(","))
        return self.hasher.word(word) == element

    def _starting(self, word: str) -> list[tuple[tuple[str, ...], Owner]]:
        found = list(self.first.get(self.hasher.word(word), ()))
        if self.stemmed:
            found += [e for stem in self.prefixes(word) for e in self.stemmed.get(stem, ())]
        return found

    def in_text(self, text: str) -> set[Owner]:
        if not text or not (self.first or self.stemmed):
            return set()
        # Phone numbers and property identifiers in their canonical form too: a removed
        # "050 321 7788" is still there written "+358503217788".
        if numbers.PHONE.search(text) or numbers.PROPERTY_ID.search(text):
            text = f"{text}\n{numbers.canonical(text)}"
        words = receipts.words(text)
        # Hash each distinct word once: a store's text repeats its vocabulary many times
        # over, and most texts hold no needle's first word at all.
        starts = {w: entries for w in set(words) if (entries := self._starting(w))}
        found: set[Owner] = set()
        for position, first in enumerate(words):
            if first not in starts:
                continue
            for needle, owner in starts[first]:
                following = words[position : position + len(needle)]
                if len(following) == len(needle) and all(map(self._holds, needle, following)):
                    found.add(owner)
        return found
