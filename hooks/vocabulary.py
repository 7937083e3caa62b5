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

# Front matter ------------------------------------------------------------------------------------

PAGE_KEYS_REQUIRED = ("title", "description")  # and every page says when it was last reviewed (see below)
# Keys Material, mkdocs-quiz and this project understand at the top level of front matter.
PAGE_KEYS_ALLOWED = (
    "title", "description", "module", "reviewed", "sources", "hide", "search", "quiz", "template", "status",
    "group_session", "group_time",
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
MARKERS = ("scenario", "scenario-map", "source-list", "facilitator-notes",
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
