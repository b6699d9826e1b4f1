"""Grammar tips for a user's own text, from Harper (``harper-py``): an offline English checker.

Harper runs in-process (no Java, no server); its linter is built once, on first use (about
a second), then checks a message in about 10 ms. Its findings are *tips*: a grammar
checker is often right and sometimes wrong, so it never decides whether a message is
ready to send. Spelling and spacing are left to the reviewer's own rules; words of the
context (names, company, topics) are never reported.
"""

from __future__ import annotations

import re
from functools import lru_cache

from followup_lib.messages.rules import Finding

#: Harper's lint kinds reported as grammar tips (spelling and spacing have rules of their own).
GRAMMAR_KINDS = frozenset({"Agreement", "Grammar", "Repetition", "WordChoice", "Usage", "Eggcorn",
                           "Malapropism", "BoundaryError", "Nonstandard"})
#: Nouns that are singular though they look plural or uncountable; Harper asks for "are" with them.
_SINGULAR_NOUNS = frozenset("news information advice feedback progress equipment research".split())
#: Grammar is checked only in texts up to this long (a long email is about 1,000 characters),
#: and only in prose (at least half letters): Harper slows down badly on long odd pastes.
MAX_GRAMMAR_CHARS = 2500
#: Harper rules left off: spelling and spacing are the reviewer's own rules.
_OFF = ("SpellCheck", "Misspell", "Spaces", "NoFrenchSpaces", "SpelledNumbers", "TransposedSpace")
_LONG_TOKEN = re.compile(r"\S{21,}")
#: At most this many grammar tips in one review.
MAX_GRAMMAR_TIPS = 5


@lru_cache(maxsize=1)
def _linter():
    """Harper's linter, built on first use and kept; None when harper-py is not installed."""
    try:
        import harper
    except ImportError:  # an optional help: the review works without it
        return None
    linter = harper.Linter()
    config = linter.get_default_lint_config()
    # Spelling has a rule of its own here, and Harper's is slow on unknown words: off.
    linter.set_lint_config({**config, **{name: False for name in _OFF if name in config}})
    return linter


def grammar_findings(text: str, allowed: set[str] = frozenset()) -> list[Finding]:
    """Grammar tips (severity ``tip``, rule ``grammar``), each with Harper's message and its span.

    Examples
    --------
    >>> [f.rule for f in grammar_findings("I has sent the report yesterday.")]
    ['grammar']
    >>> grammar_findings("I sent the report yesterday.")
    []
    """
    letters = sum(char.isalpha() for char in text[:MAX_GRAMMAR_CHARS + 1])
    if len(text) > MAX_GRAMMAR_CHARS or letters * 2 < len(text):
        return []
    linter = _linter()
    if linter is None:
        return []
    findings = []
    # Harper slows down on long odd tokens: blank them out (same length, so offsets still fit).
    plain = _LONG_TOKEN.sub(lambda match: " " * len(match.group()), text)
    for lint in linter.lint(plain, language="plaintext"):
        if lint.lint_kind not in GRAMMAR_KINDS:
            continue
        problem = lint.problem_text
        words = {word.lower().strip(".,;:!?'’") for word in problem.split()}
        if words & allowed or words & _SINGULAR_NOUNS:
            continue
        if problem.lower().replace("’", "'") == "it's" and text[lint.span.end:lint.span.end + 2].strip()[:1].isupper():
            continue  # "it's Stan": it is, introducing a name, not a possessive
        suggestion = next((s.replacement_text for s in lint.suggestions if s.replacement_text), None)
        fix = f" Perhaps: '{suggestion}'." if suggestion else ""
        findings.append(Finding("grammar", "tip", f"Grammar: {lint.message.rstrip('.')} ('{problem[:40]}').{fix}",
                                lint.span.start, lint.span.end))
        if len(findings) >= MAX_GRAMMAR_TIPS:
            break
    return findings
