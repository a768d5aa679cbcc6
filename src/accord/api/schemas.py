"""Request and response shapes. Responses mirror ``plans.interfaces.plan_json`` so the OpenAPI
schema documents the same contract the CLI prints."""

from __future__ import annotations

import datetime as dt

from ninja import Schema
from pydantic import BaseModel, ConfigDict, Field, model_validator

from accord.conferences.enums import Phase
from accord.plans.enums import ItemKind, ItemStatus, LinkageType, StatusSource, VersionState


class Error(Schema):
    message: str
    field: str | None = Field(description="The input the error concerns, when there is one.")


class ConferenceOut(Schema):
    slug: str
    name: str
    short_name: str
    venue: str
    start_date: dt.date
    end_date: dt.date
    phase: Phase


class ConferenceDetailOut(ConferenceOut):
    is_public: bool
    plan_title: str | None = Field(description="The Action Plan's title; null without a plan.")
    current_version: int | None = Field(
        description="The newest version of the plan you may read; null when there is none."
    )


class VersionOut(Schema):
    number: int
    label: str
    state: VersionState
    created_at: dt.datetime


# The plan read returns plain dicts: plain pydantic models validate them several times faster
# than ninja's Schema, whose getter is made for ORM objects (it dominated large plans).
class LinkageSummary(BaseModel):
    type: LinkageType
    target: str


class ItemSummary(BaseModel):
    id: str = Field(description="The item's identifier, e.g. D.2-e (outcome) or D.2-3 (output).")
    kind: ItemKind
    status: ItemStatus
    text: str
    linkages: list[LinkageSummary]


class PriorityOut(BaseModel):
    id: str = Field(description="The priority's identifier, e.g. D.2.")
    title: str
    items: list[ItemSummary]


class PlanOut(BaseModel):
    conference: str = Field(description="The conference's slug.")
    version: int
    label: str
    state: VersionState
    priorities: list[PriorityOut]


class PriorityRef(Schema):
    id: str
    title: str


class LinkageOut(Schema):
    id: int = Field(description="Use it to remove the linkage.")
    type: LinkageType
    target: str
    note: str


class PeriodOut(Schema):
    start: dt.date
    end: dt.date
    baseline: float | None
    target: float | None
    actual: float | None


class KpiOut(Schema):
    indicator: str
    unit: str
    description: str
    periods: list[PeriodOut]


class ItemOut(Schema):
    conference: str
    version: int
    id: str
    kind: ItemKind
    status: ItemStatus
    status_by_rule: ItemStatus = Field(description="What brackets and positions say.")
    status_source: StatusSource = Field(
        description="Whom 'status' follows: the rule, the imported document, or a chair."
    )
    status_note: str = Field(description="Why a chair set the status.")
    text: str
    revision: int = Field(description="Send it back as expected_revision when you change the item.")
    updated_at: dt.datetime
    priority: PriorityRef
    outcome: str | None = Field(description="For an output: the outcome it serves.")
    outputs: list[str] = Field(description="For an outcome: the outputs that serve it.")
    linkages: list[LinkageOut]
    kpis: list[KpiOut]


class StaleEditOut(Error):
    current: ItemOut = Field(description="The item as saved by the other editor.")


class ItemPatch(Schema):
    """Change the text and/or status of an item, based on the revision you read."""

    model_config = ConfigDict(extra="forbid")

    expected_revision: int = Field(ge=1, description="The revision your change is based on.")
    text: str | None = None
    status: ItemStatus | None = None

    @model_validator(mode="after")
    def _changes_something(self) -> ItemPatch:
        if self.text is None and self.status is None:
            raise ValueError("Send the new text, the new status, or both.")
        return self


class BracketResolution(Schema):
    """Settle one bracket: ``keep`` (drop the brackets), ``delete`` (drop the bracketed text)
    or ``option:N`` (keep the Nth option of an [A/B] bracket)."""

    model_config = ConfigDict(extra="forbid")

    expected_revision: int = Field(ge=1, description="The revision your change is based on.")
    choice: str = Field(pattern=r"^(keep|delete|option:[1-9]\d*)$", examples=["option:2"])


class LinkageIn(Schema):
    model_config = ConfigDict(extra="forbid")

    type: LinkageType
    target: str = Field(max_length=60, description="e.g. 9, 9.c, C2, Res. 37")
    note: str = Field(default="", max_length=300)
