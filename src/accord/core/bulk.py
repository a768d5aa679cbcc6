"""Insert many rows of plain values and get their primary keys back, without model instances.

``QuerySet.bulk_create`` builds a model instance per row, then per row and per field runs
``pre_save``, ``get_db_prep_save`` and the insert compiler's placeholder machinery: for the
~10,000 rows of a large working document that cost some ten times the SQL itself.
``insert_rows`` takes rows as tuples of plain values and decides once per *column* what a value
needs before the driver takes it: nothing for text, integer, boolean and integer-key columns
(the values are passed as they are, so they must already be ``str``, ``int``, ``bool`` or
None); the field's own ``get_db_prep_save`` for every other column (JSON, datetimes, decimals,
dates…), so those are stored exactly as the ORM stores them. The statement is
``INSERT … VALUES (…), (…) RETURNING id``, batched to the backend's limit on query parameters;
on PostgreSQL, ``INSERT … SELECT * FROM UNNEST(%s::type[], …) RETURNING id``, an array a
column, as Django's own compiler inserts there (a parameter a value would cost more to quote,
send and plan than the insert).

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
    parameters allows (and at most ``batch_size`` rows each), all in one atomic block (the
    caller's transaction, when there is one: a failure leaves it to roll back).
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
        f"({', '.join(quote(_column(field)) for field in columns)}) "
    )
    returning = f" RETURNING {quote(_column(pk))}"
    array_types = _array_types(columns, connection)
    if array_types is None:
        size = connection.ops.bulk_batch_size(columns, rows)
        statement = _values(head, returning, len(columns), converters, tail)
    else:
        size = len(rows)  # one parameter a column, however many rows
        statement = _unnest(head, returning, array_types, converters, tail)
    size = max(1, size if batch_size is None else min(size, batch_size))
    keys: list[int] = []
    with transaction.atomic(using=using, savepoint=False), connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            cursor.execute(*statement(rows[start : start + size]))
            # The keys come from an auto-increment (SQLite) or a sequence (PostgreSQL), drawn
            # as the statement inserts its rows in order, so sorted they follow the rows;
            # RETURNING itself promises no order (SQLite documents it as arbitrary).
            keys += sorted(key for (key,) in cursor.fetchall())
    return keys


Statement = Callable[[list[Sequence[Any]]], tuple[str, list[Any]]]


def _values(
    head: str,
    returning: str,
    width: int,
    converters: list[tuple[int, Converter]],
    tail: list[Any],
) -> Statement:
    """``INSERT … VALUES (…), (…) RETURNING id``: a parameter a value."""
    row_placeholders = "(" + ", ".join(["%s"] * width) + ")"

    def statement(batch: list[Sequence[Any]]) -> tuple[str, list[Any]]:
        params: list[Any] = []
        for row in batch:
            if converters:
                row = list(row)
                for index, convert in converters:
                    row[index] = convert(row[index])
            params += row
            params += tail
        return head + "VALUES " + ", ".join([row_placeholders] * len(batch)) + returning, params

    return statement


def _unnest(
    head: str,
    returning: str,
    array_types: list[str],
    converters: list[tuple[int, Converter]],
    tail: list[Any],
) -> Statement:
    """PostgreSQL's ``INSERT … SELECT *, %s FROM UNNEST(%s::type[], …) RETURNING id``: an
    array a named column (as Django's own compiler inserts there), a single value each for the
    columns every row shares. A statement with a parameter a value costs more to split, send
    and plan than the insert itself."""
    width = len(array_types) - len(tail)
    arrays = ", ".join(f"(%s)::{array_type}[]" for array_type in array_types[:width])
    shared = "".join(f", (%s)::{array_type}" for array_type in array_types[width:])
    sql = f"{head}SELECT *{shared} FROM UNNEST({arrays}){returning}"
    convert_at = dict(converters)

    def statement(batch: list[Sequence[Any]]) -> tuple[str, list[Any]]:
        named: list[Any] = []
        for index, column in enumerate(zip(*batch, strict=True)):
            convert = convert_at.get(index)
            named.append([convert(value) for value in column] if convert else list(column))
        return sql, tail + named

    return statement


def _array_types(columns: list[models.Field], connection: Any) -> list[str] | None:
    """On PostgreSQL, each column's type for an array of its values (``varchar``, not
    ``varchar(20)``: arrays do not truncate); None elsewhere, or when a column's values
    need a placeholder of their own or have no built-in type (the conditions Django's
    compiler sets for the same strategy)."""
    if connection.vendor != "postgresql":
        return None
    types = []
    for field in columns:
        target = field.target_field if field.is_relation else field  # type: ignore[attr-defined]
        if hasattr(field, "get_placeholder_sql") or hasattr(field, "get_placeholder"):
            return None
        if target.get_internal_type() not in connection.data_types:
            return None
        db_type = field.db_type(connection)
        if not db_type:
            return None
        types.append(db_type.split("(")[0])
    return types


def _columns(model: type[models.Model], fields: Sequence[str]) -> list[models.Field]:
    opts = model._meta
    if not fields:
        raise ValueError(f"{opts.label}: name the fields the rows give")
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
