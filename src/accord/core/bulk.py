"""Insert many rows of plain values and get their primary keys back, without model instances.

``QuerySet.bulk_create`` builds a model instance per row, then per row and per field runs
``pre_save``, ``get_db_prep_save`` and the insert compiler's placeholder machinery: for the
~10,000 rows of a large working document that cost some ten times the SQL itself.
``insert_rows`` takes rows as tuples of plain values and decides once per *column* what a value
needs before the driver takes it: nothing for text, integer, boolean and integer-key columns
(the values are passed as they are, so they must already be ``str``, ``int``, ``bool`` or
None); the field's own ``get_db_prep_save`` for every other column (JSON, datetimes, decimals,
dates…), so those are stored exactly as the ORM stores them.

Like ``bulk_create`` it sends no signals, calls no ``save()`` and runs no validation: it is for
domain functions that own their transaction and know their data, on models whose writes need
no per-row hook.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.db.models.fields import NOT_PROVIDED

_PLAIN: tuple[type[models.Field], ...] = (
    models.CharField,
    models.TextField,
    models.IntegerField,
    models.BooleanField,
    models.ForeignKey,
)
"""Fields whose preparation leaves a value of their Python type as it is (for a foreign key:
when the key it points to is an integer). A subclass counts only if it overrides none of the
preparation methods."""
_PREPARATION = ("get_prep_value", "get_db_prep_value", "get_db_prep_save")
_AUTO = (models.AutoField, models.BigAutoField, models.SmallAutoField)

Converter = Callable[[Any], Any]


def insert_rows(
    model: type[models.Model],
    fields: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    using: str = DEFAULT_DB_ALIAS,
    batch_size: int | None = None,
) -> list[int]:
    """Insert ``rows`` into ``model``'s table, one value per name in ``fields`` (a foreign key
    by its id, as ``"version"`` or ``"version_id"``), and return the new primary keys in the
    order of ``rows``.

    A field not named takes what a new instance would save, computed once for all rows: its
    default, or the time for ``auto_now``/``auto_now_add``; a field with a database default is
    left to the database. Rows go in as few statements as the backend's limit on query
    parameters allows (and at most ``batch_size`` rows each), all in one atomic block.
    """
    rows = rows if isinstance(rows, list) else list(rows)
    if not rows:
        return []
    connection = connections[using]
    if not connection.features.can_return_rows_from_bulk_insert:
        raise NotImplementedError(f"{connection.vendor} cannot return keys from a bulk insert")
    opts = model._meta
    pk = opts.pk
    if opts.parents or not isinstance(pk, _AUTO):
        raise ValueError(f"{opts.label}: only a model with its own auto-incremented key")
    named = _columns(model, fields)
    width = len(named)
    for row in rows:
        if len(row) != width:
            raise ValueError(f"a row has {len(row)} values for {width} fields: {row!r}")
    converters = [
        (index, convert)
        for index, field in enumerate(named)
        if (convert := _converter(field, connection)) is not None
    ]
    unnamed = _unnamed(model, named, connection)
    columns = named + [field for field, _value in unnamed]
    tail = [value for _field, value in unnamed]

    quote = connection.ops.quote_name
    head = (
        f"INSERT INTO {quote(opts.db_table)} "
        f"({', '.join(quote(_column(field)) for field in columns)}) VALUES "
    )
    row_placeholders = "(" + ", ".join(["%s"] * len(columns)) + ")"
    returning = f" RETURNING {quote(_column(pk))}"
    size = max(1, connection.ops.bulk_batch_size(columns, rows))
    if batch_size is not None:
        size = max(1, min(size, batch_size))
    keys: list[int] = []
    with transaction.atomic(using=using, savepoint=False), connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            batch = rows[start : start + size]
            params: list[Any] = []
            for row in batch:
                if converters:
                    row = list(row)
                    for index, convert in converters:
                        row[index] = convert(row[index])
                params += row
                params += tail
            cursor.execute(head + ", ".join([row_placeholders] * len(batch)) + returning, params)
            # The keys come from an auto-increment (SQLite) or a sequence (PostgreSQL), drawn
            # as the statement inserts its rows in order, so sorted they follow the rows;
            # RETURNING itself promises no order (SQLite documents it as arbitrary).
            keys += sorted(key for (key,) in cursor.fetchall())
    return keys


def _columns(model: type[models.Model], fields: Sequence[str]) -> list[models.Field]:
    opts = model._meta
    columns = []
    for name in fields:
        field = opts.get_field(name)
        if not isinstance(field, models.Field) or not field.concrete or field is opts.pk:
            raise ValueError(f"{opts.label}.{name} is not a column insert_rows fills")
        if field.generated:
            raise ValueError(f"{opts.label}.{name} is generated by the database")
        columns.append(field)
    if len(set(columns)) != len(columns):
        raise ValueError(f"{opts.label}: a field is named twice in {list(fields)}")
    return columns


def _column(field: models.Field) -> str:
    assert field.column is not None  # concrete fields have a column
    return field.column


def _converter(field: models.Field, connection: Any) -> Converter | None:
    """What a value of ``field`` needs before the driver takes it; None when nothing."""
    if _plain(field):
        return None

    def convert(value: Any) -> Any:
        return field.get_db_prep_save(value, connection)

    return convert


def _plain(field: models.Field) -> bool:
    """Whether ``field`` passes a value of its Python type to the driver as it is."""
    for plain in _PLAIN:
        if isinstance(field, plain):
            if any(getattr(type(field), name) is not getattr(plain, name) for name in _PREPARATION):
                return False
            if plain is models.ForeignKey:
                target = field.target_field  # type: ignore[attr-defined]
                return isinstance(target, _AUTO) or _plain(target)
            return True
    return False


def _unnamed(
    model: type[models.Model], named: list[models.Field], connection: Any
) -> list[tuple[models.Field, Any]]:
    """Each column not named, with the value a new instance would save (once for all rows)."""
    opts = model._meta
    template = model()
    values = []
    for field in opts.concrete_fields:
        if field in named or field is opts.pk or field.generated:
            continue
        if field.db_default is not NOT_PROVIDED:
            continue
        value = field.pre_save(template, add=True)
        values.append((field, field.get_db_prep_save(value, connection)))
    return values
