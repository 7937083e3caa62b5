"""Controlled vocabularies: the one source of truth for front matter, scenarios and markers.

Pure data, no MkDocs import. curriculum.md and authoring.md (project guide) define every value here.
"""

from __future__ import annotations

# Data --------------------------------------------------------------------------------------------

DISORDERS = ("psychotic", "affective", "any")

CONDITIONS = ("first-episode-psychosis", "schizophrenia", "bipolar", "depression", "any")

# Which conditions each disorder family may be paired with.
PAIRS = {
    "psychotic": ("first-episode-psychosis", "schizophrenia"),
    "affective": ("bipolar", "depression"),
    "any": ("any",),
}

# Stage value -> name shown on the site, in recovery order.
STAGES = {
    "early-signs": "Something's wrong",
    "crisis": "Crisis",
    "early-recovery": "Early recovery",
    "rebuilding": "Rebuilding",
    "living-well": "Living well",
}
STAGE_VALUES = (*STAGES, "any")

CONDITION_NAMES = {
    "first-episode-psychosis": "First-episode psychosis",
    "schizophrenia": "Schizophrenia and schizoaffective disorder",
    "bipolar": "Bipolar disorder",
    "depression": "Depression",
}

# The stage pages that exist by design (schizophrenia's early signs are those of a first episode).
STAGE_CELLS = {
    "first-episode-psychosis": ("early-signs", "crisis", "early-recovery", "rebuilding", "living-well"),
    "schizophrenia": ("crisis", "early-recovery", "rebuilding", "living-well"),
    "bipolar": ("early-signs", "crisis", "early-recovery", "rebuilding", "living-well"),
    "depression": ("early-signs", "crisis", "early-recovery", "rebuilding", "living-well"),
}

# Conditions whose early signs are taught on another condition's page.
EARLY_SIGNS_ON = {"schizophrenia": "first-episode-psychosis"}

SKILLS = (
    "communicating",
    "crisis-and-safety",
    "warning-signs",
    "social-connection",
    "looking-after-yourself",
    "services-and-rights",
    # added 2026-12 (curriculum.md: five more shared modules)
    "medicines",
    "friends",
    "money-and-home",
    "pregnancy-and-parenting",
    "bereaved-by-suicide",
)

# Section ids every stage page carries, in this order (other ## sections may sit between them).
STAGE_SECTIONS = (
    "what-is-happening",
    "what-to-expect",
    "what-helps",
    "what-to-avoid",
    "warning-signs",
    "looking-after-yourself",
    "practise",
    "check-yourself",
)

# Short names for the "On this page" list (hooks/sections.py); other sections use their heading up to the end
# of its first clause (sections.LABEL_END), or the heading's data-toc-label when the author gives one.
SECTION_LABELS = {
    "what-is-happening": "What is happening",
    "what-to-expect": "What to expect",
    "what-helps": "What helps",
    "what-to-avoid": "What to avoid",
    "warning-signs": "Warning signs",
    "looking-after-yourself": "Looking after yourself",
    "practise": "Practise",
    "check-yourself": "Check yourself",
    "sources-and-review": "Sources",
}

# Front matter ------------------------------------------------------------------------------------

PAGE_KEYS_REQUIRED = ("title", "description")  # and every page says when it was last reviewed (see below)
# Keys Material, mkdocs-quiz and this project understand at the top level of front matter.
PAGE_KEYS_ALLOWED = (
    "title", "description", "module", "reviewed", "sources", "hide", "search", "quiz", "template", "status",
    "group_session", "group_time",
    "content_note",  # plain pages too: a group session plan about suicide (issue 11)
)
MODULE_KEYS_REQUIRED = (
    "disorder", "condition", "stage", "reading_time", "objectives", "keypoints", "sources", "reviewed",
)
MODULE_KEYS_OPTIONAL = ("content_note", "clinical_review")
CLINICAL_REVIEW_KEYS = ("by", "date")

DESCRIPTION_LENGTH = (50, 160)
OBJECTIVES_COUNT = (2, 5)
KEYPOINTS_COUNT = (3, 6)
MIN_SOURCES = 2

SOURCE_FIELDS_REQUIRED = ("authors", "year", "title", "publication")
SOURCE_FIELDS_OPTIONAL = ("url", "doi")

# Content -----------------------------------------------------------------------------------------

ADMONITIONS = ("tip", "info", "warning", "quote", "question", "facilitator")

# <!-- md:TYPE ARGS --> markers the build understands.
MARKERS = ("scenario", "scenario-map", "source-list", "facilitator-notes", "crisis-lines", "group-packet",
           "paths", "progress")  # /start/ paths (docs/paths.yml) and /progress/ rows: hooks/site.py

# Scenarios ---------------------------------------------------------------------------------------

ENDINGS = ("supportive", "mixed", "difficult")
SCENARIO_KEYS_REQUIRED = ("id", "title", "disorder", "condition", "stage", "summary", "start", "nodes")
SCENARIO_KEYS_OPTIONAL = ("content_note", "crisis")
NODE_KEYS = ("text", "choices", "ending", "debrief")
CHOICE_KEYS_REQUIRED = ("label", "goto")
CHOICE_KEYS_OPTIONAL = ("feedback",)
CHOICES_COUNT = (1, 4)
LABEL_MAX = 120

# Field types -------------------------------------------------------------------------------------
# Which YAML fields hold text and which hold dates (dotted paths; '*' is any key or list item). The strict
# loader (hooks/strict_yaml.py) stops the build when YAML read a text field's bare value as true/false, a
# number or a date (`no`, `42`, `2026-11-28`), or a date field's value as anything but a real date. Fields
# left out (reading_time, year, group_session, group_time, quiz and search options) keep YAML's own types.

FRONT_MATTER_TEXT = (
    "title", "description", "template", "status", "sources.*", "hide.*",
    "module.disorder", "module.condition", "module.stage", "module.objectives.*", "module.keypoints.*",
    "module.content_note", "module.sources.*", "module.clinical_review.by",
)
FRONT_MATTER_DATES = ("reviewed", "module.reviewed", "module.clinical_review.date")

SCENARIO_TEXT = (
    "id", "title", "disorder", "condition", "stage", "summary", "content_note", "start",
    "nodes.*.text", "nodes.*.ending", "nodes.*.debrief",
    "nodes.*.choices.*.label", "nodes.*.choices.*.goto", "nodes.*.choices.*.feedback",
)

SOURCE_TEXT = ("*.authors", "*.title", "*.publication", "*.url", "*.doi")
