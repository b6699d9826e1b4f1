"""Word-level checks that need an English dictionary: spelling, shouting, and language.

The dictionary is ``pyspellchecker``'s English word list, loaded once on first use
(about a third of a second) and kept for the session. Not counted as mistakes: the
context's names, company, job title and topics; words in Title Case inside a sentence
(names); acronyms; links and e-mail addresses; a small list of workplace words the
dictionary lacks (``wordlists/industry_words.txt``: rollout, onboarding, roadmap …);
British spellings (``wordlists/british_spellings.txt``: programme, organisation,
colour …, and by rule their regular variants); and the plural of a known word
(timelines, podcasts).
"""

from __future__ import annotations

import re
from functools import lru_cache

from followup_lib.messages.kinds import LETTER_WORD, word_key
from followup_lib.messages.rules import Finding, read_wordlist

#: At most this many spelling findings; the rest are counted in one tip.
MAX_SPELLING_FINDINGS = 20
#: The language check reads this many characters from the start of the text.
LANGUAGE_SAMPLE_CHARS = 5000

_TOKEN = re.compile(r"[\w'’]+")
_NOT_PROSE = re.compile(r"https?://[^\s<>\"]{1,500}|\bwww\.[^\s<>\"]{1,500}"
                        r"|[\w.+\-]{1,64}@[\w\-]{1,63}(?:\.[\w\-]{1,63}){1,5}|@\w{1,40}")
_CAPS_WORD = re.compile(r"[A-Z'’]+")
_CAPS_RUN = re.compile(r"\b[A-Z]{1,40}(?:['’][A-Z]{1,5})?(?:[ \t,]{1,3}[A-Z]{1,40}(?:['’][A-Z]{1,5})?){0,30}\b")
_LONE_LETTERS_START = re.compile(r"(?:[AI][ \t,]{1,3})*")
_LONE_LETTERS_END = re.compile(r"(?:[ \t,]{1,3}[AI])*\Z")
_BRITISH_TO_AMERICAN = tuple((re.compile(p), a) for p, a in (
    (r"is(e|es|ed|ing|ation|ations|er|ers)$", r"iz\1"), (r"ys(e|es|ed|ing)$", r"yz\1"),
    (r"our(s|ed|ing|ful|ite|ites|able)?$", r"or\1"), (r"tre(s)?$", r"ter\1"),
    (r"ll(ed|ing|er|ers)$", r"l\1"), (r"ence(s)?$", r"ense\1"), (r"ogue(s)?$", r"og\1"),
    (r"^(en)?rol(s)?$", r"\1roll\2"), (r"dgement(s)?$", r"dgment\1")))
_POSSESSIVE = re.compile(r"['’][sS]$")
_CONTRACTION_ENDS = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})
_FUNCTION_WORDS = frozenset("""the and to of a i you your for in on with is it that this my me we
be at as about am are was have will would our an or so if not""".split())


@lru_cache(maxsize=1)
def _speller():
    """The English spell-checker, loaded on first use and cached."""
    from spellchecker import SpellChecker

    return SpellChecker(language="en", distance=1)


@lru_cache(maxsize=4)
def _wordlist(name: str) -> frozenset[str]:
    """A word list shipped in ``wordlists/``, read once."""
    return frozenset(read_wordlist(name))


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    """Every word the spell-checker and the project's word lists know, lower case."""
    return (frozenset(_speller().word_frequency.dictionary) | _wordlist("industry_words")
            | _wordlist("british_spellings"))


def _without_accents(word: str) -> str:
    import unicodedata

    return "".join(ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch))


def _known(word: str) -> bool:
    return word in _dictionary()


@lru_cache(maxsize=16384)
def is_english_word(word: str) -> bool:
    """True when the dictionary or the workplace list knows ``word`` (any case).

    The dictionary spells the American way; a British spelling on the list or whose
    American form is known also counts (programme, organised, colour, centre, travelled),
    and so does the plural of a known word of four letters or more.

    Examples
    --------
    >>> is_english_word("Onboarding"), is_english_word("we're"), is_english_word("recieve")
    (True, True, False)
    >>> is_english_word("candour"), is_english_word("programme"), is_english_word("timelines")
    (True, True, True)
    """
    plain = _without_accents(word)
    if plain != word and is_english_word(plain):
        return True  # résumé, naïve, café: known without their accents
    word = word_key(word).strip("'")
    if _known(word) or any(_known(variant) for variant in _american_forms(word)):
        return True
    if len(word) >= 5 and word.endswith("s") and not word.endswith("ss") and _known(word[:-1]):
        return True
    base, _, end = word.rpartition("'")
    return bool(base) and end in _CONTRACTION_ENDS and _known(base)


def _american_forms(word: str) -> list[str]:
    """American spellings a British-spelled word may have."""
    return [pattern.sub(american, word) for pattern, american in _BRITISH_TO_AMERICAN
            if pattern.search(word)]


@lru_cache(maxsize=512)
def _suggestion(word: str) -> str | None:
    """The likeliest known word one edit away from ``word``, or None."""
    return _speller().correction(word.lower())


def _skipped_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _NOT_PROSE.finditer(text)]


def _at_sentence_start(text: str, start: int) -> bool:
    """True when the word at ``start`` begins a sentence (not a name inside one or a signature)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"'“‘([*•-—–":
        i -= 1
    if i < 0 or text[i] in ".!?:;":
        return True
    if text[i] != "\n":
        return False
    j = i - 1
    while j >= 0 and text[j] in " \t\r":
        j -= 1
    return j < 0 or text[j] != ","  # a line after "Best regards," is a signature


def _candidate_words(text: str, allowed: set[str]):
    """Words to check: (start, end, word), leaving out names, acronyms, links and numbers."""
    skipped = _skipped_spans(text)
    k = 0
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        while k < len(skipped) and skipped[k][1] <= start:
            k += 1
        if k < len(skipped) and skipped[k][0] < end:
            continue
        word = _POSSESSIVE.sub("", match.group()).strip("'’")
        if len(word) < 2 or not word.isalpha() and not LETTER_WORD.fullmatch(word):
            continue  # digits, underscores
        if word.isupper() or word[1:] != word[1:].lower():
            continue  # acronyms and mixed case (iPhone, McKay)
        if word_key(word) in allowed:
            continue
        if word[0].isupper() and not _at_sentence_start(text, start):
            continue
        if _in_known_compound(text, start, end):
            continue
        yield start, start + len(word), word


_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
#: Prefixes that stand before a hyphen in ordinary words (pre-screen, co-op, e-mail).
_PREFIXES = frozenset("pre re co non post multi sub self cross mid semi anti inter over under e ex".split())


def _in_known_compound(text: str, start: int, end: int) -> bool:
    """True when the word is part of a hyphenated compound that reads as English (co-op, pre-check-in)."""
    if not (text[end:end + 1] == "-" or text[start - 1:start] == "-"):
        return False
    left = start
    while left > 0 and (text[left - 1].isalpha() or text[left - 1] == "-"):
        left -= 1
    match = _COMPOUND.match(text, left)
    if match is None:
        return False
    parts = match.group().lower().split("-")
    return _known("".join(parts)) or all(_known(p) or p in _PREFIXES or is_english_word(p) for p in parts)


def spelling_findings(text: str, allowed: set[str] = frozenset()) -> list[Finding]:
    """Possible misspellings: a warning for a lower-case word, a tip at a sentence's start.

    Examples
    --------
    >>> [f.message for f in spelling_findings("I recieved your note, Zoë.")]
    ["'recieved' may be misspelled: did you mean 'received'?"]
    """
    findings, seen, extra = [], set(), 0
    for start, end, word in _candidate_words(text, allowed):
        key = word.lower()
        if key in seen or is_english_word(word):
            continue
        seen.add(key)
        if len(findings) >= MAX_SPELLING_FINDINGS:
            extra += 1
            continue
        guess = _suggestion(key)
        hint = f"did you mean '{guess}'?" if guess and guess != key else "check its spelling."
        if word[0].isupper():
            findings.append(Finding("spelling", "tip", f"'{word}' is not in the dictionary: if it is "
                                    f"not a name, {hint.replace('did you', 'perhaps you')}", start, end))
        else:
            findings.append(Finding("spelling", "warning", f"'{word}' may be misspelled: {hint}", start, end))
    if extra:
        findings.append(Finding("spelling", "tip", f"{extra} more words may be misspelled: "
                                "run a spell-check before you send."))
    return findings


def shouting_findings(text: str, allowed: set[str] = frozenset()) -> list[Finding]:
    """Words in capitals read as shouting (a warning); acronyms such as SQL or AWS do not.

    A run counts when it holds a capitalised dictionary word of four letters or more that
    is not a known acronym or a name from the context.

    Examples
    --------
    >>> [f.message for f in shouting_findings("I REALLY want the AWS role.")]
    ["'REALLY' is in capitals, which reads as shouting: write it in normal case."]
    >>> shouting_findings("Experience with SQL, AWS and ETL.")
    []
    """
    acronyms = _wordlist("acronyms")
    findings = []
    for match in _CAPS_RUN.finditer(text):
        words = _CAPS_WORD.findall(match.group())
        if any(len(w) >= 4 and w not in acronyms and word_key(w) not in allowed and is_english_word(w)
               for w in words):
            start, end = match.span()
            start += len(_LONE_LETTERS_START.match(match.group()).group())
            end -= len(_LONE_LETTERS_END.search(match.group()).group())
            findings.append(Finding("shouting", "error", f"'{text[start:end][:60]}' is in capitals, which "
                                    "reads as shouting: write it in normal case.", start, end))
    return findings


def looks_english(text: str, allowed: set[str] = frozenset()) -> bool:
    """Guess whether ``text`` is English, from its script, common words and dictionary hits.

    Examples
    --------
    >>> looks_english("Thank you for your time today; I enjoyed our talk about the data team.")
    True
    >>> looks_english("Merci beaucoup pour votre temps et pour cet entretien très agréable.")
    False
    >>> looks_english("面接の機会をいただき、ありがとうございました。")
    False
    """
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return True
    if sum(ch.isascii() for ch in letters) < 0.6 * len(letters):
        return False
    words = [w.lower() for w in _TOKEN.findall(sample)
             if len(w) >= 2 and not any(ch.isdigit() for ch in w) and word_key(w) not in allowed]
    if len(words) < 8:
        return True
    function_share = sum(w in _FUNCTION_WORDS for w in words) / len(words)
    unknown_share = sum(not is_english_word(w) for w in words) / len(words)
    return not (function_share < 0.12 and unknown_share > 0.25)


def language_finding() -> Finding:
    """The one finding for a non-English draft (its wording checks are skipped).

    Examples
    --------
    >>> language_finding().rule, language_finding().severity
    ('not_english', 'warning')
    """
    return Finding("not_english", "warning",
                   "This does not read as English: the spelling and wording checks work only for "
                   "English, so they were skipped; have a fluent speaker proofread it.")
