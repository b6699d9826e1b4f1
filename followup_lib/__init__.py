"""Follow-up Coach: the helper library behind the workbook, its widgets and the ``followup`` command.

Three domains and two faces:

- :mod:`followup_lib.etiquette` — the rules: parameters, stages, business days, the case
  record, the windows of each stage, the advisor and the plan.
- :mod:`followup_lib.messages` — drafts and their review.
- :mod:`followup_lib.outcomes` — the applications dataset, the anonymiser, analysis, plots.
- :mod:`followup_lib.widgets` and :mod:`followup_lib.cli` — the faces.

Everything a notebook calls is importable from here, and is imported on first use, so
``import followup_lib`` stays light (no pandas, matplotlib, lifelines or ipywidgets
until a name that needs them is used). A notebook imports only from this package.

"Today" is an argument (``today=``) wherever the day matters; left out, it is
:func:`today`, which :func:`set_today` or the ``FOLLOWUP_TODAY`` environment variable
fix for tests, nbval runs and instructors.

Examples
--------
>>> from datetime import date
>>> import followup_lib as fc
>>> case = fc.Case.from_dict({"interview_end": "2026-11-16T15:00:00-05:00"})
>>> fc.advise(case, today=date(2026, 11, 16)).action == fc.Action.SEND_THANK_YOU
True
"""

from followup_lib.errors import FollowupError, InputError
from followup_lib.lazy import lazy_exports

__version__ = "0.1.0"

_ETIQUETTE = "followup_lib.etiquette."
_PUBLIC = {
    # the case and the rules
    **dict.fromkeys(("Case", "Contact", "Response", "load_case", "save_case"), _ETIQUETTE + "case"),
    **dict.fromkeys(("Action", "ContactKind", "ResponseKind", "Channel", "TimelineSource", "EpochKind"),
                    _ETIQUETTE + "kinds"),
    **dict.fromkeys(("Params", "DEFAULTS"), _ETIQUETTE + "params"),
    **dict.fromkeys(("STAGES", "Stage", "StageId", "stage", "stage_guide", "stages_table"), _ETIQUETTE + "stages"),
    **dict.fromkeys(("Windows", "windows"), _ETIQUETTE + "windows"),
    **dict.fromkeys(("Advice", "AdviceWarning", "advise", "WARNING_RULES"), _ETIQUETTE + "advisor"),
    **dict.fromkeys(("Plan", "PlanStep", "make_plan"), _ETIQUETTE + "plan"),
    "work_calendar": _ETIQUETTE + "workdays",
    "call_permission": _ETIQUETTE + "calls",
    **dict.fromkeys(("check_exit", "ExitCheck"), _ETIQUETTE + "exit_check"),
    **dict.fromkeys(("send_verdict", "SendVerdict"), _ETIQUETTE + "send_verdict"),
    **dict.fromkeys(("plot_plan_timeline", "describe_plan_timeline"), _ETIQUETTE + "plan_chart"),
    **dict.fromkeys(("handout_html", "handout_pdf"), "followup_lib.handout"),
    **dict.fromkeys(("call_verdict", "CallVerdict"), _ETIQUETTE + "call_verdict"),
    # messages
    **dict.fromkeys(("draft", "Draft", "TONES", "review_draft", "Review", "Finding", "Severity",
                     "ReviewContext", "KINDS", "mailto_link", "MailtoLink"), "followup_lib.messages"),
    # outcomes
    **dict.fromkeys(("load_applications", "validate_applications", "generate_applications", "summarise", "Summary",
                     "fit_response_curve", "median_days_to_response", "p_response_by_day",
                     "p_response_given_silent", "response_rates_by_follow_up", "read_tracker",
                     "load_mapping", "anonymise_table", "anonymise_file"), "followup_lib.outcomes"),
    **dict.fromkeys(("plot_still_waiting", "plot_days_to_response", "plot_where_you_are"),
                    "followup_lib.outcomes.plots"),
    "plot_response_rates": "followup_lib.outcomes.rate_plot",
    **dict.fromkeys(("chance_still_hearing", "SegmentChance"), "followup_lib.outcomes.chance"),
    "Segment": "followup_lib.outcomes.segments",
    **dict.fromkeys(("landmark_comparison", "LandmarkComparison"), "followup_lib.outcomes.landmark"),
    "anonymise_upload": "followup_lib.outcomes.upload",
    "read_silence": "followup_lib.outcomes.silence",
    **dict.fromkeys(("plot_silence", "plot_segment_curve", "plot_landmark"), "followup_lib.outcomes.segment_plots"),
    "projector_style": "followup_lib.outcomes.plot_style",
    **dict.fromkeys(("picture", "Picture"), "followup_lib.outcomes.picture"),
    # the learner's folder, the day, the set-up check
    **dict.fromkeys(("LearnerFolder", "learner_folder"), "followup_lib.workspace"),
    **dict.fromkeys(("today", "set_today"), "followup_lib.clock"),
    "check_setup": "followup_lib.setup_check",
    "projector": "followup_lib.projector_mode",
    # widgets: one module each
    "CaseModel": "followup_lib.widgets.model",
    "PlannerWidget": "followup_lib.widgets.planner",
    "InterviewExitChecklist": "followup_lib.widgets.exit_checklist",
    "ThankYouComposer": "followup_lib.widgets.composer",
    "DraftReviewer": "followup_lib.widgets.reviewer",
    "TimelinePlanner": "followup_lib.widgets.timeline_planner",
    "CallDecider": "followup_lib.widgets.call_decider",
    "SilenceMeter": "followup_lib.widgets.silence_meter",
    "OutcomeExplorer": "followup_lib.widgets.outcome_explorer",
    "ScenarioPlayer": "followup_lib.widgets.scenario_player",
    "KnowledgeCheck": "followup_lib.widgets.knowledge_check",
    # instructors' scenarios and the knowledge-check questions (data files in the package)
    **dict.fromkeys(("Scenario", "load_scenario", "preset_scenarios", "copy_preset", "scenario_day", "ScenarioDay"),
                    "followup_lib.etiquette.scenarios"),
    **dict.fromkeys(("QuestionSet", "load_questions"), "followup_lib.questions"),
}

__all__ = ["FollowupError", "InputError", "__version__", *_PUBLIC]
__getattr__, __dir__ = lazy_exports(__name__, _PUBLIC, globals())
