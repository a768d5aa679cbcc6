"""Import SDG target and indicator texts from the formats they are published in.

The project does not ship the UN's target or indicator texts; a secretariat imports them
from:

(a) a JSON list of ``{"goal": 1, "target": "1.a" | 1.1, "description": "..."}`` (the shape
    of ``/work/shared/reference/sdg-targets.json``). Target numbers written as JSON
    numbers lose a trailing zero (``16.10`` is read as ``16.1``); such a number repeating
    an earlier target right after ``x.9`` is read as ``x.10``;
(b) the UN SDG API: ``/v1/sdg/Goal/List?includechildren=true`` (a list of goals, each with
    ``"code"`` and ``"targets": [{"code", "title", "description", "indicators"}]``),
    ``/v1/sdg/Target/List`` (a list of ``{"goal", "code", "title", "description"}``, with
    ``"indicators"`` when children are included) or ``/v1/sdg/Indicator/List`` (a list of
    ``{"goal", "target", "code": "1.1.1", "description"}``); an indicator is
    ``{"code": "1.1.1", "description": ...}`` (other fields, such as "tier", are ignored);
(c) CSV (comma, semicolon or tab separated) with a header naming a target column
    ("Target", "Target code", "Code"), a text column ("Description", "Title", "Text") and
    optionally a goal column ("Goal", "SDG"); a target cell may also hold the code and
    the text together ("1.1 By 2030, ..."). Indicators come from the global indicator
    framework's table: an indicator code column ("Indicator code", "UNSD Indicator Codes")
    and/or an indicator column ("Indicator", "Indicator description") whose cell may hold
    the code and the text together ("1.1.1 Proportion of ..."). A "Description" column
    describes the indicator when the file has an indicator code column but no indicator
    text column, otherwise the target. An indicator's target is read from its code
    ("8.10.1" → "8.10"). In such a table a row may leave the target cell empty (merged
    cells), name the target by its code only, or be a goal heading.

Headers are matched case-insensitively, ignoring punctuation and parentheses. Anything
else raises ``TargetFileError`` naming the file, the place and what was expected.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

from accord.engines.linkage.model import Indicator, SDGReference, Target, TargetFileError

MAX_BYTES = 20 * 2**20
_CODE = re.compile(r"^(?:target\s+)?(\d{1,2})\.(\d{1,2}|[a-z])$", re.IGNORECASE)
_CODE_AND_TEXT = re.compile(r"^(?:target\s+)?(\d{1,2}\.(?:\d{1,2}|[a-z]))[\s:.–-]+(\S.*)$", re.I)
_GOAL = re.compile(r"^(?:goal\s+|sdg\s*)?(\d{1,2})\b", re.IGNORECASE)
_GOAL_HEADING = re.compile(r"^(?:goal|sdg)\s*\d{1,2}\b", re.IGNORECASE)
_INDICATOR_CODE = re.compile(
    r"^(?:indicator\s+)?(\d{1,2})\.(\d{1,2}|[a-z])\.(\d{1,2})$", re.IGNORECASE
)
_INDICATOR_CODE_AND_TEXT = re.compile(
    r"^(?:indicator\s+)?(\d{1,2}\.(?:\d{1,2}|[a-z])\.\d{1,2})(?:[\s:.–-]+(.*))?$",
    re.IGNORECASE | re.DOTALL,
)
_EXPECTED_CODE = 'a target code such as "4.4" or "1.a"'
_EXPECTED_INDICATOR = 'an indicator code such as "1.1.1", "1.a.1" or "8.10.1"'
_TARGET_COLUMNS = (
    "target",
    "target code",
    "target number",
    "code",
    "target id",
    "goals and targets",
)
_TEXT_COLUMNS = (
    "description",
    "target description",
    "title",
    "target title",
    "text",
    "target text",
)
_TARGET_TEXT_COLUMNS = ("target description", "target title", "target text")
_GENERIC_TEXT_COLUMNS = ("description", "title", "text")
_GOAL_COLUMNS = ("goal", "goal number", "goal code", "sdg", "sdg goal")
_INDICATOR_CODE_COLUMNS = (
    "indicator code",
    "indicator codes",
    "indicator number",
    "indicator id",
    "unsd indicator code",
    "unsd indicator codes",
)
_INDICATOR_TEXT_COLUMNS = (
    "indicator description",
    "indicator title",
    "indicator text",
    "indicator name",
    "indicators",
    "indicator",
)


def read_sdg_targets(source: str | Path | bytes, *, name: str = "") -> list[Target]:
    """The targets in ``source``: a path (``Path``, or a ``str`` without line breaks that
    does not start with "[" or "{") or the file's content (``bytes``, or such a ``str``).
    ``name`` is how messages call the file (by default its path, else "the targets file");
    messages name JSON items by their index from 0 and CSV rows by line number. Targets
    come back in file order, each code once. Indicators in the file are skipped unread."""
    content, name = _content(source, name)
    targets = _read(content, name, indicators=False).targets
    if not targets:
        raise TargetFileError(f"{name}: no targets found; {_FORMATS}")
    return list(targets)


def read_sdg_indicators(source: str | Path | bytes, *, name: str = "") -> list[Indicator]:
    """The indicators in ``source`` (read as ``read_sdg_targets`` reads it), in file order,
    each code once; an empty list for a file of targets without indicators."""
    return list(read_sdg_reference(source, name=name).indicators)


def read_sdg_reference(source: str | Path | bytes, *, name: str = "") -> SDGReference:
    """The targets and the indicators in ``source``, read once: what an import stores. A
    file may hold either or both; one with neither is an error. Every indicator's code
    starts with its target's, but that target need not be in the file."""
    content, name = _content(source, name)
    reference = _read(content, name, indicators=True)
    if not reference.targets and not reference.indicators:
        raise TargetFileError(f"{name}: no targets or indicators found; {_FORMATS_ALL}")
    return reference


_FORMATS = (
    "expected a JSON list of targets (goal, target, description), the UN SDG API's goal or "
    "target list, or a CSV file with target and description columns"
)
_FORMATS_ALL = (
    "expected a JSON list of targets (goal, target, description), the UN SDG API's goal, "
    "target or indicator list, or a CSV file with target or indicator columns"
)


def _read(content: str, name: str, *, indicators: bool) -> SDGReference:
    stripped = content.lstrip()
    if not stripped:
        raise TargetFileError(f"{name}: the file is empty; {_FORMATS}")
    collector = _Collector(name, indicators=indicators)
    if stripped[0] in "[{":
        _from_json(content, collector)
    else:
        _from_csv(content, collector)
    return SDGReference(
        targets=tuple(collector.targets),
        indicators=tuple(collector.indicators),
        places=collector.places,
    )


def _content(source: str | Path | bytes, name: str) -> tuple[str, str]:
    if isinstance(source, bytes):
        data = source
        name = name or "the targets file"
    elif isinstance(source, str) and ("\n" in source or source.lstrip()[:1] in ("[", "{")):
        return source, name or "the targets file"
    else:
        path = Path(source)
        name = name or str(path)
        if not path.is_file():
            raise TargetFileError(f"{name}: {'not a file' if path.exists() else 'no such file'}")
        if path.stat().st_size > MAX_BYTES:
            raise TargetFileError(f"{name}: the file is larger than {MAX_BYTES // 2**20} MB")
        data = path.read_bytes()
    if len(data) > MAX_BYTES:
        raise TargetFileError(f"{name}: the file is larger than {MAX_BYTES // 2**20} MB")
    try:
        return data.decode("utf-8-sig"), name
    except UnicodeDecodeError as error:
        raise TargetFileError(
            f"{name}: byte {error.start} is not UTF-8 text; expected a UTF-8 JSON or CSV file"
        ) from None


# JSON ------------------------------------------------------------------------------------


def _from_json(content: str, collector: _Collector) -> None:
    name = collector.name
    try:
        # a number's literal text is kept: 16.10 stays "16.10", not 16.1
        data = json.loads(content, parse_float=_NumberText)
    except json.JSONDecodeError as error:
        raise TargetFileError(
            f"{name}: line {error.lineno}, column {error.colno}: not valid JSON ({error.msg})"
        ) from None
    if isinstance(data, dict):
        if isinstance(data.get("targets"), list):
            data = [data]  # one goal with its targets
        elif isinstance(data.get("data"), list):
            data = data["data"]
        else:
            raise TargetFileError(f"{name}: the top level is an object; {collector.formats}")
    if not isinstance(data, list):
        raise TargetFileError(f"{name}: the top level is not a list; {collector.formats}")
    for index, item in enumerate(data):
        place = f"item {index}"
        if not isinstance(item, dict):
            raise TargetFileError(
                f"{name}: {place} is {_json_type(item)}; expected an object for a goal or target"
            )
        if "targets" in item:
            _goal_with_targets(item, place, collector)
        elif _is_indicator(item):
            if collector.want_indicators:
                collector.add_json_indicator(item, place, target=None)
        else:
            code = collector.add_json(item, place, goal=None)
            _indicators_of(item, place, code, collector)


def _goal_with_targets(item: dict[str, Any], place: str, collector: _Collector) -> None:
    """A goal of the UN API's goal list: its "code" and its "targets"."""
    goal = _goal_number(item.get("code", item.get("goal")), f'{place}, field "code"', collector)
    targets = item["targets"]
    if not isinstance(targets, list):
        raise TargetFileError(
            f'{collector.name}: {place}, field "targets" is {_json_type(targets)}; '
            "expected a list of targets"
        )
    for index, target in enumerate(targets):
        where = f"{place}, targets[{index}]"
        if not isinstance(target, dict):
            raise TargetFileError(
                f"{collector.name}: {where} is {_json_type(target)}; expected a target object"
            )
        code = collector.add_json(target, where, goal=goal)
        _indicators_of(target, where, code, collector)


def _is_indicator(item: dict[str, Any]) -> bool:
    """An item of the UN API's indicator list: its "code" is an indicator's ("1.1.1")."""
    code = item.get("code", item.get("indicator"))
    return isinstance(code, str) and _INDICATOR_CODE.match(code.strip()) is not None


def _indicators_of(item: dict[str, Any], place: str, target: str, collector: _Collector) -> None:
    """The "indicators" a target of the UN API carries (when children were included)."""
    if not collector.want_indicators or "indicators" not in item:
        return
    indicators = item["indicators"]
    if indicators is None:
        return
    if not isinstance(indicators, list):
        raise TargetFileError(
            f'{collector.name}: {place}, field "indicators" is {_json_type(indicators)}; '
            "expected a list of indicators"
        )
    for index, indicator in enumerate(indicators):
        where = f"{place}, indicators[{index}]"
        if not isinstance(indicator, dict):
            raise TargetFileError(
                f"{collector.name}: {where} is {_json_type(indicator)}; "
                "expected an indicator object"
            )
        collector.add_json_indicator(indicator, where, target=target)


def _goal_number(value: Any, place: str, collector: _Collector) -> int:
    if isinstance(value, bool) or value is None:
        raise TargetFileError(
            f"{collector.name}: {place} is {_json_type(value)}; expected a goal number 1–17"
        )
    match = _GOAL.match(str(value).strip())
    number = int(match.group(1)) if match else 0
    if not 1 <= number <= 17:
        raise TargetFileError(
            f"{collector.name}: {place} is {value!r}; expected a goal number from 1 to 17"
        )
    return number


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float | _NumberText):
        return "a number"
    if isinstance(value, str):
        return "a string" if value.strip() else "an empty string"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _json_text(item: dict[str, Any]) -> str | None:
    return next(
        (
            item[k]
            for k in ("description", "title", "text")
            if isinstance(item.get(k), str) and item[k].strip()
        ),
        None,
    )


def _target_code(raw: str) -> str | None:
    """ "16.10", "Target 1.A" → "16.10", "1.a"; None for anything else."""
    match = _CODE.match(raw.strip())
    if match is None:
        return None
    minor = match.group(2).lower()
    return f"{int(match.group(1))}.{str(int(minor)) if minor.isdigit() else minor}"


class _Collector:
    """Targets and indicators read so far, with the checks every format shares."""

    def __init__(self, name: str, *, indicators: bool) -> None:
        self.name = name
        self.want_indicators = indicators
        self.formats = _FORMATS_ALL if indicators else _FORMATS
        self.targets: list[Target] = []
        self.indicators: list[Indicator] = []
        self.places: dict[str, str] = {}
        self._seen: dict[str, str] = {}
        self._last_number: dict[int, int] = {}

    def add_json(self, item: dict[str, Any], place: str, *, goal: int | None) -> str:
        key = next((k for k in ("target", "code") if k in item), None)
        if key is None:
            raise TargetFileError(
                f'{self.name}: {place} has no "target" or "code" field; expected {_EXPECTED_CODE}'
            )
        raw = item[key]
        numeric = isinstance(raw, _NumberText)
        if isinstance(raw, int) and not isinstance(raw, bool):
            raw = str(raw)
        if not isinstance(raw, str):
            raise TargetFileError(
                f'{self.name}: {place}, field "{key}" is {_json_type(raw)}; '
                f"expected {_EXPECTED_CODE}"
            )
        text = _json_text(item)
        if text is None:
            raise TargetFileError(
                f'{self.name}: {place} has no "description" or "title" text; expected the '
                "target's text as a non-empty string"
            )
        if goal is None and "goal" in item:
            goal = _goal_number(item["goal"], f'{place}, field "goal"', self)
        return self.add(raw, text, place, goal=goal, key=key, numeric=numeric)

    def add(
        self,
        raw: str,
        text: str,
        place: str,
        *,
        goal: int | None,
        key: str = "target",
        numeric: bool = False,
    ) -> str:
        """Add a target; its code ("16.10"), also when it repeats an earlier one."""
        match = _CODE.match(raw.strip())
        if match is None:
            raise TargetFileError(
                f'{self.name}: {place}, field "{key}" is {raw!r}; expected {_EXPECTED_CODE}'
            )
        major, minor = int(match.group(1)), match.group(2).lower()
        if minor.isdigit():
            minor = str(int(minor))
            if numeric and minor == "1" and self._last_number.get(major) == 9:
                minor = "10"  # a JSON number 16.10 arrives as 16.1: the lost zero is put back
        code = f"{major}.{minor}"
        if goal is not None and goal != major:
            raise TargetFileError(
                f"{self.name}: {place}: target {code} is listed under goal {goal}; expected "
                f"a target of goal {goal} (its code starting {goal}.)"
            )
        if not 1 <= major <= 17:
            raise TargetFileError(
                f'{self.name}: {place}, field "{key}" is {raw!r}; expected a target of goals 1–17'
            )
        if minor.isdigit():
            self._last_number[major] = int(minor)
        description = " ".join(text.split())
        if code in self._seen:
            if self._seen[code] == description:
                return code  # e.g. one row per indicator in a CSV, each repeating its target
            raise TargetFileError(
                f"{self.name}: {place}: target {code} appears again with another text "
                f"(first at {self.places[code]}); expected each target once"
            )
        self._seen[code] = description
        self.places[code] = place
        self.targets.append(Target(code=code, goal=major, description=description))
        return code

    def add_json_indicator(self, item: dict[str, Any], place: str, *, target: str | None) -> None:
        """An indicator object: nested in its target's "indicators" (``target`` given) or an
        item of the indicator list, which may name its "target" and "goal"."""
        key = next((k for k in ("code", "indicator") if k in item), None)
        if key is None:
            raise TargetFileError(
                f'{self.name}: {place} has no "code" field; expected {_EXPECTED_INDICATOR}'
            )
        raw = item[key]
        if not isinstance(raw, str):
            raise TargetFileError(
                f'{self.name}: {place}, field "{key}" is {_json_type(raw)}; '
                f"expected {_EXPECTED_INDICATOR}"
            )
        text = _json_text(item)
        if text is None:
            raise TargetFileError(
                f'{self.name}: {place} has no "description" or "title" text; expected the '
                "indicator's text as a non-empty string"
            )
        if target is None and item.get("target") is not None:
            listed = item["target"]
            target = _target_code(listed) if isinstance(listed, str) else None
            if target is None:
                raise TargetFileError(
                    f'{self.name}: {place}, field "target" is {listed!r}; expected {_EXPECTED_CODE}'
                )
        goal = None
        if "goal" in item:
            goal = _goal_number(item["goal"], f'{place}, field "goal"', self)
        self.add_indicator(raw, text, place, key=key, target=target, goal=goal)

    def add_indicator(
        self,
        raw: str,
        text: str,
        place: str,
        *,
        key: str,
        target: str | None = None,
        goal: int | None = None,
    ) -> None:
        """Add an indicator; ``target`` and ``goal``, when the file names them, must be the
        ones its code starts with."""
        match = _INDICATOR_CODE.match(raw.strip())
        if match is None:
            raise TargetFileError(
                f'{self.name}: {place}, field "{key}" is {raw!r}; expected {_EXPECTED_INDICATOR}'
            )
        major, minor = int(match.group(1)), match.group(2).lower()
        if not 1 <= major <= 17:
            raise TargetFileError(
                f'{self.name}: {place}, field "{key}" is {raw!r}; expected an indicator of '
                "goals 1–17"
            )
        own_target = f"{major}.{str(int(minor)) if minor.isdigit() else minor}"
        code = f"{own_target}.{int(match.group(3))}"
        if target is not None and target != own_target:
            raise TargetFileError(
                f"{self.name}: {place}: indicator {code} is listed under target {target}; "
                f"expected an indicator of target {target} (its code starting {target}.)"
            )
        if goal is not None and goal != major:
            raise TargetFileError(
                f"{self.name}: {place}: indicator {code} is listed under goal {goal}; "
                f"expected an indicator of goal {goal} (its code starting {goal}.)"
            )
        description = " ".join(text.split())
        if code in self._seen:
            if self._seen[code] == description:
                return
            raise TargetFileError(
                f"{self.name}: {place}: indicator {code} appears again with another text "
                f"(first at {self.places[code]}); expected each indicator once"
            )
        self._seen[code] = description
        self.places[code] = place
        self.indicators.append(Indicator(code=code, target=own_target, description=description))


class _NumberText(str):
    """The literal text of a JSON number with a decimal point ("16.10")."""

    __slots__ = ()


# CSV -------------------------------------------------------------------------------------


def _from_csv(content: str, collector: _Collector) -> None:
    name = collector.name
    first = content.lstrip("\ufeff").splitlines()[0] if content.strip() else ""
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(content), delimiter=delimiter)
    try:
        rows = list(reader)
    except csv.Error as error:
        raise TargetFileError(f"{name}: line {reader.line_num}: not valid CSV ({error})") from None
    header_line = next((n for n, row in enumerate(rows) if any(c.strip() for c in row)), None)
    if header_line is None:
        raise TargetFileError(f"{name}: the file is empty; {collector.formats}")
    header = [_header_name(cell) for cell in rows[header_line]]
    columns = _Columns(header)
    if columns.target is None and not (collector.want_indicators and columns.has_indicators):
        raise TargetFileError(
            f"{name}: line {header_line + 1}: the header {rows[header_line]!r} has no target "
            + ("or indicator " if collector.want_indicators else "")
            + 'column; expected a column named "Target" (or "Target code", "Code") and one '
            'named "Description" (or "Title", "Text")'
            + (
                ', or an indicator column ("Indicator", "Indicator code")'
                if collector.want_indicators
                else ""
            )
        )
    for number, row in enumerate(rows[header_line + 1 :], start=header_line + 2):
        if not any(cell.strip() for cell in row):
            continue
        _csv_row(row, f"line {number}", header, columns, collector)


class _Columns:
    """Which column of a CSV header holds what (``None``: no such column)."""

    def __init__(self, header: list[str]) -> None:
        self.target = _column(header, _TARGET_COLUMNS)
        self.goal = _column(header, _GOAL_COLUMNS)
        self.indicator_code = _column(header, _INDICATOR_CODE_COLUMNS)
        self.indicator_text = _column(header, _INDICATOR_TEXT_COLUMNS)
        if (
            self.indicator_code is None
            and self.indicator_text is not None
            and header[self.indicator_text] not in ("indicator", "indicators")
        ):
            # "Indicator" beside "Indicator description": the former holds the code
            self.indicator_code = _column(header, ("indicator", "indicators"))
        self.has_indicators = self.indicator_code is not None or self.indicator_text is not None
        # Beside indicator codes without their own text column, a plain "Description"
        # describes the indicator (the row's most specific entry), else the target.
        if self.has_indicators and self.indicator_text is None:
            self.indicator_text = _column(header, _GENERIC_TEXT_COLUMNS)
            self.text = _column(header, _TARGET_TEXT_COLUMNS)
        else:
            self.text = _column(header, _TEXT_COLUMNS)


def _csv_row(
    row: list[str], place: str, header: list[str], columns: _Columns, collector: _Collector
) -> None:
    name = collector.name

    def cell(column: int | None) -> str:
        return row[column].strip() if column is not None and column < len(row) else ""

    goal = None
    target = None
    has_indicator = bool(cell(columns.indicator_code) or cell(columns.indicator_text))
    if columns.target is not None:
        code_cell, text = cell(columns.target), cell(columns.text)
        if (
            columns.has_indicators
            and not text
            and (
                not code_cell  # a merged cell: the target was given on an earlier row
                or (has_indicator and _CODE.match(code_cell))  # the target named by its code
                or (not has_indicator and _GOAL_HEADING.match(code_cell))  # "Goal 1. End ..."
            )
        ):
            target = _target_code(code_cell) if code_cell else None
        else:
            if not text:
                combined = _CODE_AND_TEXT.match(code_cell)
                if combined is None:
                    raise TargetFileError(
                        f"{name}: {place}: no target text; expected a description"
                        + ("" if columns.text is None else f' in column "{header[columns.text]}"')
                        + ' or a target cell such as "1.1 By 2030, ..."'
                    )
                code_cell, text = combined.group(1), combined.group(2)
            elif (
                _CODE.match(code_cell) is None
                and (combined := _CODE_AND_TEXT.match(code_cell)) is not None
            ):
                code_cell = combined.group(1)
            goal = _row_goal(row, place, header, columns, collector)
            target = collector.add(code_cell, text, place, goal=goal, key=header[columns.target])
    if has_indicator and collector.want_indicators:
        if goal is None:
            goal = _row_goal(row, place, header, columns, collector)
        _csv_indicator(row, place, header, columns, collector, target=target, goal=goal)


def _row_goal(
    row: list[str], place: str, header: list[str], columns: _Columns, collector: _Collector
) -> int | None:
    column = columns.goal
    if column is None or column >= len(row) or not row[column].strip():
        return None
    return _goal_number(row[column], f'{place}, column "{header[column]}"', collector)


def _csv_indicator(
    row: list[str],
    place: str,
    header: list[str],
    columns: _Columns,
    collector: _Collector,
    *,
    target: str | None,
    goal: int | None,
) -> None:
    """The indicator of one row: its code from the code column or from the start of its
    text ("1.1.1 Proportion of ..."); a code column of other identifiers (UNSD's own)
    gives way to the code in the text."""
    code_column, text_column = columns.indicator_code, columns.indicator_text
    code_cell = (
        row[code_column].strip() if code_column is not None and code_column < len(row) else ""
    )
    text = row[text_column].strip() if text_column is not None and text_column < len(row) else ""
    in_text = None
    combined = _INDICATOR_CODE_AND_TEXT.match(text)
    if combined is not None:
        in_text, text = combined.group(1), (combined.group(2) or "").strip()
    code, key = in_text, header[text_column] if text_column is not None else ""
    if code_cell and code_column is not None:
        if _INDICATOR_CODE.match(code_cell):
            if in_text is not None and not _same_code(in_text, code_cell):
                raise TargetFileError(
                    f'{collector.name}: {place}: column "{header[code_column]}" is '
                    f"{code_cell!r} but the indicator text starts with {in_text!r}; expected "
                    "the same indicator code in both"
                )
            code, key = code_cell, header[code_column]
        elif in_text is None:
            raise TargetFileError(
                f'{collector.name}: {place}, field "{header[code_column]}" is {code_cell!r}; '
                f"expected {_EXPECTED_INDICATOR} (there or at the start of the indicator text)"
            )
    if code is None:
        where = " or ".join(
            f'column "{header[c]}"' for c in (code_column, text_column) if c is not None
        )
        raise TargetFileError(
            f"{collector.name}: {place}: no indicator code; expected {_EXPECTED_INDICATOR} "
            f"in {where}"
        )
    if not text:
        raise TargetFileError(
            f"{collector.name}: {place}: indicator {code} has no text; expected a description"
            + ("" if text_column is None else f' in column "{header[text_column]}"')
            + ' or an indicator cell such as "1.1.1 Proportion of ..."'
        )
    collector.add_indicator(code, text, place, key=key, target=target, goal=goal)


def _same_code(a: str, b: str) -> bool:
    def parts(code: str) -> tuple[str, ...]:
        return tuple(str(int(p)) if p.isdigit() else p.lower() for p in code.split()[-1].split("."))

    return parts(a) == parts(b)


def _header_name(cell: str) -> str:
    """ "UNSD Indicator Codes†", "Goals and targets (from the 2030 Agenda …)" →
    "unsd indicator codes", "goals and targets"."""
    name = re.sub(r"\([^)]*\)", " ", cell.lower())
    return " ".join(re.sub(r"[^\w\s]", " ", name).split())


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    for wanted in names:
        if wanted in header:
            return header.index(wanted)
    return None
