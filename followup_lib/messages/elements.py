"""What a message must contain: thanks, interest, one specific topic, next steps — found by meaning.

Each element can be said in countless ways ("I'd love to help your team with…" shows
interest as surely as "I am interested"), so the text is first reduced to lemmas (the
dictionary form of each word, from the offline ``simplemma`` lemmatiser: "contributing"
→ "contribute", "described" → "describe") and the elements are looked for as paraphrase
patterns over those lemmas. A missing element is a ``warning`` with a sentence to add;
only a message that lacks every element its kind expects ("wholly generic") gets errors.

Two kinds of message expect less, as career coaches advise:

- an *informational interview* thank-you (advice, not a job): no interest in a role and no
  next steps are expected;
- a *status check* (a follow-up of a few sentences asking where things stand): no topic
  or link is expected; brevity is the point.
"""

from __future__ import annotations

import re
from functools import lru_cache

from followup_lib.messages.kinds import word_key
from followup_lib.messages.rules import Finding

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
#: Lemmas simplemma gets wrong for this purpose, and words whose lemma would mislead
#: ("interesting" is not "interested").
_LEMMA_FIXES = {"thanked": "thank", "thanking": "thank", "thanks": "thank", "hearing": "hear",
                "interesting": "interesting", "exciting": "exciting", "best": "best", "me": "i",
                "learnt": "learn", "spoke": "speak", "met": "meet", "i'd": "i would", "i'm": "i be",
                "i've": "i have", "i'll": "i will", "we've": "we have", "you're": "you be", "it's": "it be",
                "can't": "cannot", "won't": "will not", "wasn't": "be not", "didn't": "do not"}


@lru_cache(maxsize=16384)
def lemma(word: str) -> str:
    """The dictionary form of one word, lower case (offline, via ``simplemma``).

    Examples
    --------
    >>> lemma("Contributing"), lemma("described"), lemma("thanked"), lemma("interesting")
    ('contribute', 'describe', 'thank', 'interesting')
    """
    key = word_key(word)
    if key in _LEMMA_FIXES:
        return _LEMMA_FIXES[key]
    if key.endswith("'s") and len(key) > 2:  # a possessive keeps its mark: "the team's plans"
        return lemma(key[:-2]) + "'s"
    import simplemma

    return simplemma.lemmatize(key, lang="en").lower()


def lemma_text(text: str) -> str:
    """The text as space-separated lemmas, sentence ends kept as ``.``, for the patterns below.

    Examples
    --------
    >>> lemma_text("I'd love to help your team. Thanks!")
    'i would love to help your team . thank .'
    """
    out = []
    for match in re.finditer(r"[^\W_]+(?:['’][^\W_]+)*|[.!?;:\n]+", text):
        token = match.group()
        out.append("." if not token[0].isalnum() else lemma(token))
    return " ".join(out)


def _any(*parts: str) -> str:
    return r"(?:" + "|".join(parts) + r")"


#: What follows a lead-in such as "learning about" when it names something specific: a word that
#: is not a generic one ("the role", "the team", "the next steps").
_SPECIFIC = (r"(?!(?:(?:the|this|that|your|our|my|a|an|any|more|all|some)\s)?(?:role|position|job|company|opportunity"
             r"|team|interview|organi[sz]ation|business|vacancy|post|department|process|next|outcome|decision"
             r"|timeline|update|news|progress|result|experience|background|skill|qualification|application"
             r"|candidacy|you|i|it|thing|everything|what|about|on|of|how|with|for|career|industry|field"
             r"|sector|path|journey|advice|insight|help|time|work|day|conversation|chat|meeting"
             r"|the (?:role|position|job|company|team))(?=\s|$))(?=[^\W\d_])")
_ADVERB = r"(?:(?:really|very|genuinely|truly|so|also|still|definitely|absolutely) )?"
_ROLE = r"(?:role|position|job|opportunity|post|vacancy|team|company|organi[sz]ation|firm|work)"
_JOIN = _any(r"join", r"contribute", r"help", r"work (?:with|on|for|alongside)", r"be part of", r"bring",
             r"support", r"tackle", r"build", r"dig into", r"grow with", r"add value")
#: Paraphrase patterns over lemma text, one per element.
PATTERNS = {
    "thanks": _any(r"\bthank\b", r"\bthankful\b", r"\bgrateful\b", r"\bgratitude\b", r"\bappreciate\b",
                   r"\bappreciation\b", r"\bappreciative\b", r"\bmuch oblige\b"),
    "interest": _any(
        r"\binterest\b(?! you\b)", r"\benthusias(?:m|tic)\b", r"\bexcite\b", r"\beager\b", r"\bkeen\b",
        r"\bthrill\b", r"\bpassionate\b", r"\bmotivate\b", r"\benergi[sz]e\b",
        r"\binspire\b", r"\bappeal to i\b", r"\bcannot wait\b",
        rf"\b(?:would|will) {_ADVERB}(?:love|welcome|relish|be (?:glad|happy|delight(?:ed)?|thrill|keen|eager|proud)) to {_JOIN}",
        r"\blove the (?:chance|opportunity) to\b",
        rf"\b(?:look forward|hope|want|aim|would {_ADVERB}like|eager|keen) to {_JOIN}",
        r"\b(?:my )?(?:first|top|clear) choice\b", r"\bwant (?:this|the) (?:job|role|position|opportunity)\b",
        rf"\b(?:chance|opportunity) to {_JOIN}\b", r"\b(?:good|great|strong|excellent|natural|perfect|ideal) (?:fit|match)\b",
        rf"\bi (?:can|could|would) {_any('contribute', 'help', 'bring', 'add')}\b",
        rf"\bmy (?:skill|experience|background|knowledge)\w* (?:would|could|can|will) {_any('help', 'contribute', 'add', 'benefit', 'fit', 'serve')}",
        r"\b(?:remain|stay|be still|still be) (?:very |really |just as |as )?(?:interest|keen|eager|excite|enthusiastic|committed)",
        r"\bconfirm (?:my|how much i)\b", rf"\bexactly the (?:kind|sort|type) of (?:work|problem|project|challenge|{_ROLE})",
        rf"\b(?:work|problem|project|challenge|{_ROLE}) i (?:would|'d)? ?(?:genuinely |really |truly )?(?:enjoy|love|thrive)",
        r"\bwould be (?:an honou?r|a privilege|a pleasure) to\b", r"\bcommitted to (?:the|this|your)\b"),
    "next_steps": _any(
        r"\bnext (?:step|stage|round|phase)\b", r"\bhear (?:back|from you|more|about|what|how|when|your)\b",
        r"\blook forward\b", r"\bdecision\b", r"\btimeline\b", r"\bupdate\b", r"\bin touch\b",
        r"\bkeep i (?:post|inform|update)", r"\bwhere (?:thing|i|we) stand\b", r"\bthe (?:hiring |interview )?process\b",
        r"\bspeak (?:again|soon|further)\b", r"\btalk (?:again|soon|further)\b", r"\blet i know\b",
        r"\b(?:future|further|follow - up|next|another|second) (?:conversation|discussion|interview|meeting|chat)\b",
        r"\bmove forward\b", r"\b(?:status|progress|news)\b", r"\bcheck in\b", r"\bmeet (?:again|the team|soon)\b",
        r"\bany (?:other )?question\b"),
    "topic": _any(
        rf"\b(?:conversation|discussion|chat|talk|exchange|insight|point|question)s? (?:about|on|around|regard|of|into) {_SPECIFIC}",
        rf"\b(?:we|you) (?:discuss|talk about|speak about|cover|go over|touch on|explore|dive into|get into) {_SPECIFIC}",
        r"\byou (?:mention|describe|explain|share|show|walk i through|outline|tell i about|recommend|suggest"
        r"|point out|highlight|note|raise|ask about|introduce|demo|present)\b",
        r"\byour (?:description|explanation|overview|account|point|insight|advice|perspective|thought|example"
        r"|story|vision|plan|idea|approach|recommendation|suggestion|walkthrough|demo|tip|question|comment"
        r"|take|emphasis|focus|experience|work) (?:of|on|about|for|to|regard|with|as|in|around|behind)\b",
        rf"\b(?:hear|learn|understand|see|find out) (?:more )?(?:about|how|what|why|that) {_SPECIFIC}",
        r"\b(?:especially|particularly|really|most) (?:enjoy|like|value|appreciate|interest|struck|intrigue)",
        rf"\b(?:enjoy|like|value|appreciate) (?:hear|learn|discuss|see|talk|explore) (?:about )?{_SPECIFIC}",
        r"\b(?:enjoy|like|value|appreciate) the (?:tour|demo|walkthrough|story|example)",
        r"\bthe way (?:you|your team)\b", r"\bhow your (?:team|company|group|department)\b",
        r"\bwhen you (?:say|mention|describe|explain|talk)\b",
        rf"\b(?:keep|kept|continue to|still) think(?:ing)? about {_SPECIFIC}"),
    "value": r"https?://|\bwww\.|\battach\b|\barticle\b|\blink\b|\bcase study\b|\bportfolio\b|\bsample\b|\bgithub\b",
}
_COMPILED = {name: re.compile(pattern) for name, pattern in PATTERNS.items()}
_INFORMATIONAL = re.compile(r"\binformational\b|\bcoffee\b|\b(?:career|your) advice\b|\badvice (?:on|about) (?:my|break|get|how)"
                            r"|\b(?:time|help|guidance) and advice\b|\badvice and (?:insight|time|guidance)"
                            r"|\b(?:insight|perspective)s? (?:into|on) (?:your|the) (?:career|field|path|industry|work)\b"
                            r"|\bshare your (?:experience|story|journey|path)\b")
_STATUS_CHECK = re.compile(r"\b(?:update|status|news|where (?:thing|i|we) stand|timeline|decision|check in|progress)\b")
#: A follow-up this short that asks where things stand is a status check (no topic expected).
STATUS_CHECK_MAX_WORDS = 100

#: What the reviewer suggests adding for each missing element.
SUGGESTIONS = {
    "missing_thanks": "Thank them for their time, e.g. 'Thank you again for meeting with me'.",
    "missing_interest": "Say that you still want the job, e.g. 'I remain very interested in the role and "
                        "would love to contribute to the team'.",
    "missing_next_steps": "Close with a look ahead, e.g. 'I look forward to hearing about the next steps'.",
}
#: The elements each kind expects.
EXPECTED = {
    "thank_you": ("missing_thanks", "missing_interest", "missing_specific_topic", "missing_next_steps"),
    "follow_up": ("missing_thanks", "missing_interest", "missing_specific_topic", "missing_next_steps"),
    "second_attempt": ("missing_thanks", "missing_interest", "missing_next_steps"),
    "call_script": ("missing_interest",),
    "voicemail": (),  # a voicemail leaves who, what, when and a number; nothing more is expected
}


def mentions(text_words: set[str], phrase: str) -> bool:
    """True when at least half the content words of ``phrase`` occur among ``text_words`` (by lemma).

    Examples
    --------
    >>> mentions(text_words("the migration project"), "migrating the billing system")
    False
    >>> mentions(text_words("our billing migration"), "migrating the billing system")
    True
    """
    words = [word_key(w) for w in _TOKEN.findall(phrase)]
    content = [w for w in words if w not in _STOPWORDS] or words
    if not content:
        return False
    prefixes = {w[:5] for w in text_words}
    hits = sum(1 for w in content if w in text_words or lemma(w) in text_words or (len(w) >= 5 and w[:5] in prefixes))
    return hits * 2 >= len(content)


_STOPWORDS = frozenset("""a an the of for to in on at by and or with about our your my their
its how what why when which this that these those we you i it is are was be from into""".split())


def text_words(text: str) -> set[str]:
    """Lower-case words of a text and their lemmas, with curly apostrophes made straight.

    Examples
    --------
    >>> sorted(text_words("Our O’Neill-led pilots"))
    ['lead', 'led', "o'neill", 'our', 'pilot', 'pilots']
    """
    words = {word_key(w) for w in _TOKEN.findall(text)}
    return words | {lemma(w) for w in words if " " not in lemma(w)}


def present_elements(text: str, kind: str, topics=(), *, lemmas: str | None = None) -> dict[str, bool]:
    """Which elements the text holds: ``thanks``, ``interest``, ``topic``, ``next_steps``, ``value``.

    ``lemmas`` is the text's :func:`lemma_text` when the caller already has it.

    Examples
    --------
    >>> found = present_elements("I'd love to help your team grow the app. Thanks for your time!", "thank_you")
    >>> found["interest"], found["thanks"], found["next_steps"]
    (True, True, False)
    """
    lemmas = lemma_text(text) if lemmas is None else lemmas
    found = {name: bool(pattern.search(lemmas)) for name, pattern in _COMPILED.items()}
    found["other_topic"] = False
    if topics:
        words = text_words(text)
        named = any(mentions(words, topic) for topic in topics)
        found["other_topic"] = found["topic"] and not named
        found["topic"] = named
    return found


def message_shape(text: str, kind: str, word_count: int, *, lemmas: str | None = None) -> str:
    """``"informational"``, ``"status_check"`` or ``"standard"``: what the message is for."""
    lemmas = lemma_text(text) if lemmas is None else lemmas
    if kind == "thank_you" and _INFORMATIONAL.search(lemmas):
        return "informational"
    if kind in ("follow_up", "second_attempt") and word_count <= STATUS_CHECK_MAX_WORDS and _STATUS_CHECK.search(lemmas):
        return "status_check"
    return "standard"


def _topic_advice(kind: str, topics) -> str:
    example = f"our conversation about {topics[0]}" if topics else "our conversation about the migration project"
    if kind == "follow_up":
        return ("Add one thing of value tied to your conversation, such as a link about a project you "
                f"discussed, with a sentence on why it matters (e.g. '{example}').")
    return f"Mention one specific topic from your conversation, e.g. 'I enjoyed {example}', so they remember you."


def missing_element_findings(text: str, kind: str, topics=(), word_count: int | None = None) -> list[Finding]:
    """Warnings for each element the kind expects and the text lacks; errors if it lacks them all.

    Examples
    --------
    >>> text = "Thank you for the chat about the AWS migration. I look forward to the next steps."
    >>> [(f.rule, str(f.severity)) for f in missing_element_findings(text, "thank_you")]
    [('missing_interest', 'warning')]
    >>> [(f.rule, str(f.severity)) for f in missing_element_findings("Hi Sam, any news?", "follow_up")]
    [('missing_thanks', 'error'), ('missing_interest', 'error')]
    """
    words = len(_TOKEN.findall(text)) if word_count is None else word_count
    lemmas = lemma_text(text)  # once, for both the elements and the shape
    found = present_elements(text, kind, topics, lemmas=lemmas)
    shape = message_shape(text, kind, words, lemmas=lemmas)
    present = {"missing_thanks": found["thanks"], "missing_interest": found["interest"],
               "missing_next_steps": found["next_steps"],
               "missing_specific_topic": found["topic"] or (kind == "follow_up" and found["value"])}
    expected = [rule for rule in EXPECTED[kind]
                if not (shape == "informational" and rule in ("missing_interest", "missing_next_steps"))
                and not (shape == "status_check" and rule == "missing_specific_topic")]
    missing = [rule for rule in expected if not present[rule]]
    core = [rule for rule in expected if rule != "missing_next_steps"]
    generic = kind in ("thank_you", "follow_up") and core and all(rule in missing for rule in core) \
        and not found["other_topic"]
    severity = "error" if generic else "warning"
    findings = []
    for rule in missing:
        if rule == "missing_specific_topic" and found["other_topic"]:
            findings.append(Finding(rule, "tip", f"The note is specific, but not about {topics[0]}, the topic you "
                                    "gave: fine if that is what you discussed."))
        elif rule == "missing_specific_topic":
            findings.append(Finding(rule, severity, _topic_advice(kind, topics)))
        else:
            findings.append(Finding(rule, severity, SUGGESTIONS[rule]))
    return findings
