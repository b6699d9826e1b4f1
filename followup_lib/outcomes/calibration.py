"""The calibrated parameters of the synthetic applications generator.

Each parameter of :mod:`~followup_lib.outcomes.generator` is a named constant here,
whose comment names its published source (listed in ``data/README.md``) or says
**assumption**; the few values derived from them (the mean process length per industry,
the median decision delay) are computed by the functions below. The follow-up effect is
an assumption; nothing here shows that following up works.
"""

from __future__ import annotations

import numpy as np

from followup_lib.etiquette.params import FOLLOW_UP_GRACE, LATE_AFTER
from followup_lib.outcomes.schema import INDUSTRY_CODES

# --- observation window ----------------------------------------------------------------
#: First and last day an application can be sent. Assumption (an 18-month job search).
FIRST_APPLICATION = np.datetime64("2023-01-02")
#: Last day of observation; what has not happened by then is censored. Assumption.
OBSERVATION_END = np.datetime64("2024-06-28")
#: Public holidays of this country count as non-business days. Assumption (US-centred).
HOLIDAY_COUNTRY = "US"

# --- who applies where (all assumptions: no published mix for this population) --------
INDUSTRY_SHARES = {"tech": .18, "finance": .10, "healthcare": .12, "government": .06,
                   "retail": .10, "hospitality": .07, "education": .08,
                   "manufacturing": .08, "staffing": .08, "other": .10, "unknown": .03}
COMPANY_SIZE_SHARES = {"small": .30, "medium": .35, "large": .33, "unknown": .02}
ROLE_LEVEL_SHARES = {"entry": .35, "mid": .45, "senior": .18, "unknown": .02}

# --- length of the hiring process ------------------------------------------------------
#: Mean days from application to offer or rejection, US. Source: Glassdoor 2017.
US_MEAN_PROCESS_DAYS = 23.8
#: Industries with a published mean (Glassdoor 2017: government 53.8 days; restaurants &
#: bars 10.2 for hospitality; supermarkets 12.3 for retail). The other industries share
#: one mean, solved so that the mix above averages :data:`US_MEAN_PROCESS_DAYS`.
PUBLISHED_PROCESS_DAYS = {"government": 53.8, "hospitality": 10.2, "retail": 12.3}
#: Median days to the first response for an industry at the US mean. Assumption; the
#: real tracker in CALIBRATION.md has a median of 3 days over its answered rows.
RESPONSE_MEDIAN_DAYS = 3.0
#: Log-normal spread of the days to a first response. Assumption (a long right tail,
#: as in the real tracker, whose mean of 20.2 days is far above its median).
RESPONSE_SPREAD = 1.2
#: Days from the first response to the first interview (uniform range). Assumption.
SCHEDULING_DAYS = (1.0, 5.0)
#: Days between a round and the next one. Source: Glassdoor's days added by each
#: screening step (midpoints: phone 6.8-8.2, one-on-one 4.1-5.3, panel 5.6-6.8).
DAYS_AFTER_ROUND = {"phone": 7.5, "one_on_one": 4.7, "panel": 6.2}
#: Log-normal spread of the days from the last interview to the decision. Assumption.
DECISION_SPREAD = 0.6

# --- application stage -----------------------------------------------------------------
#: Share of applications never acknowledged. Source: Indeed 2023 (35% of seekers got no
#: acknowledgement of their application).
APPLICATION_SILENCE = 0.35
#: Share of answered applications that lead to an interview. Assumption (the real
#: tracker: 12 of 64 answered rows); set high enough to give a post-interview sample.
INTERVIEW_SHARE = 0.30
#: How answered applications without an interview end. Assumption.
NO_INTERVIEW_OUTCOMES = {"rejection": .92, "position_removed": .03, "withdrawn": .05}
#: Censored rows watched for less than this many days are ``pending``, the others
#: ``no_response``. Assumption; Talent Board 2020 measures who is still waiting at
#: two months.
PENDING_WITHIN_DAYS = 60

# --- interview stage -------------------------------------------------------------------
#: Last round reached by interviewed candidates. Assumption.
LAST_ROUND_SHARES = {"phone": .40, "one_on_one": .30, "panel": .15, "final": .15}
#: Share of interviews followed by silence: no decision ever heard. Assumption, kept
#: well below the survey shares of candidates ghosted at least once (Greenhouse 2024:
#: 61%; Indeed 2023: 40% after a second or third round), which are upper bounds.
POST_INTERVIEW_SILENCE = 0.20
#: Shares of candidates who withdraw, and of posts removed, after an interview. Assumption.
WITHDRAWN_AFTER_INTERVIEW = 0.04
POSITION_REMOVED_AFTER_INTERVIEW = 0.02
#: Share of decisions that are offers, by last round reached. Assumption.
OFFER_SHARE_BY_ROUND = {"phone": .05, "one_on_one": .20, "panel": .30, "final": .50}
#: Share of interviews that end with a stated timeline, and its length. Assumption.
TIMELINE_GIVEN_SHARE = 0.60
TIMELINE_BUSINESS_DAYS = {2: .10, 3: .20, 5: .45, 10: .25}
#: Share of interviewers who invite a phone call. Assumption.
INVITED_TO_CALL_SHARE = 0.10
#: Share of candidates who send a thank-you. Source: Accountemps 2017 (24%).
THANK_YOU_SHARE = 0.24
#: Log-normal hours from the interview's end to the thank-you. Assumption.
THANK_YOU_MEDIAN_HOURS, THANK_YOU_SPREAD = 6.0, 0.9

# --- follow-up -------------------------------------------------------------------------
#: Share of candidates who mean to follow up if still waiting. Assumption.
FOLLOW_UP_INTENT = 0.50
#: Timing shares. Source: the shape of Accountemps 2017 (HR managers' advised wait after
#: a resume: under 1 week 29%, 1-2 weeks 36%, over 2 weeks 35%), borrowed as the
#: candidates' early / on-time / late shares; the borrowing is an assumption.
FOLLOW_UP_TIMING_SHARES = {"early": .29, "on_time": .36, "late": .35}
#: Business days after the deadline, first and last, for each timing. The limits between
#: them are the etiquette's FOLLOW_UP_GRACE and LATE_AFTER; the outer ends (3 business
#: days before the deadline, 10 after the late limit) are an assumption.
FOLLOW_UP_DAY_RANGES = {"early": (-3, FOLLOW_UP_GRACE - 1),
                        "on_time": (FOLLOW_UP_GRACE, LATE_AFTER),
                        "late": (LATE_AFTER + 1, LATE_AFTER + 10)}
#: Share of follow-ups sent by email (the rest by phone). Source: Accountemps 2017
#: (email preferred by 64% of HR managers, phone by 21%: 64 / 85).
FOLLOW_UP_EMAIL_SHARE = 64 / 85
#: ASSUMPTION, no published figure: the chance that a follow-up makes an otherwise
#: silent employer answer, by timing.
FOLLOW_UP_REPLY_EFFECT = {"early": .10, "on_time": .25, "late": .10}
#: Calendar days from the follow-up to a reply it prompts (uniform). Assumption.
REPLY_AFTER_FOLLOW_UP_DAYS = (1, 7)
#: Share of still-waiting candidates who make one more attempt. Assumption.
SECOND_ATTEMPT_SHARE = 0.40


def process_days_by_industry() -> dict[str, float]:
    """Mean application-to-decision days per industry, averaging the US figure.

    Returns
    -------
    dict
        Industry code to mean days: the published ones, and one shared value for the
        rest, solved so that the industry mix averages :data:`US_MEAN_PROCESS_DAYS`.

    Examples
    --------
    >>> days = process_days_by_industry()
    >>> days["government"], round(days["tech"], 2)
    (53.8, 24.19)
    >>> round(sum(INDUSTRY_SHARES[k] * v for k, v in days.items()), 6)
    23.8
    """
    published = sum(INDUSTRY_SHARES[k] * v for k, v in PUBLISHED_PROCESS_DAYS.items())
    rest = 1 - sum(INDUSTRY_SHARES[k] for k in PUBLISHED_PROCESS_DAYS)
    shared = (US_MEAN_PROCESS_DAYS - published) / rest
    return {code: PUBLISHED_PROCESS_DAYS.get(code, shared) for code in INDUSTRY_CODES}


def decision_median_days() -> float:
    """Median decision days at the US mean, so the whole process averages 23.8 days.

    Returns
    -------
    float
        The log-normal median of the days from the last interview to the decision, for
        an industry at :data:`US_MEAN_PROCESS_DAYS`.

    Examples
    --------
    >>> round(float(decision_median_days()), 2)
    6.51
    """
    response_mean = RESPONSE_MEDIAN_DAYS * np.exp(RESPONSE_SPREAD ** 2 / 2)
    rounds_mean = sum(share * days_before_last_round(last)
                      for last, share in LAST_ROUND_SHARES.items())
    decision_mean = (US_MEAN_PROCESS_DAYS - response_mean - np.mean(SCHEDULING_DAYS)
                     - rounds_mean)
    return decision_mean / np.exp(DECISION_SPREAD ** 2 / 2)


def days_before_last_round(last: str) -> float:
    """Days spent in the rounds before ``last`` (phone, one-on-one, panel, final).

    Parameters
    ----------
    last : str
        The last round reached, a key of :data:`LAST_ROUND_SHARES`.

    Returns
    -------
    float
        The sum of :data:`DAYS_AFTER_ROUND` over the earlier rounds.

    Examples
    --------
    >>> days_before_last_round("phone"), days_before_last_round("panel")
    (0, 12.2)
    """
    order = list(LAST_ROUND_SHARES)
    return sum(DAYS_AFTER_ROUND[r] for r in order[:order.index(last)])
