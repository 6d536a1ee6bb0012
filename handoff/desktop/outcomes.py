"""The desktop's outcome records in and out of its database, as a :class:`handoff.outcomes.Dataset`.

:func:`load_dataset` reads a period's decision log (``desktop_turns``), handoff cycles
(``desktop_handoffs`` with their ``desktop_ces`` question) and customer lines
(``desktop_messages``: time and sentiment, never the text) into the three data frames KPIs
are computed from. :func:`store_dataset` writes a dataset into a desktop database in bulk
(simulations, demos, the 1 million conversation benchmark); its cycles have no desktop
conversation behind them (``conversation_pk`` NULL).

Both run on SQLite and PostgreSQL alike, by SQLAlchemy URL. pandas comes with the ``report``
extra (the ``desktop`` extra pulls it in).
"""

from __future__ import annotations

import contextlib
import math
import uuid
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from handoff.desktop import migrations, store
from handoff.desktop.service import _cause
from handoff.desktop.store import Ces, Handoff, Message, Turn
from handoff.errors import StorageUnavailable
from handoff.payload import pseudonym_key, pseudonymise
from handoff.storage import sqlite_path, write_lock

if TYPE_CHECKING:
    import pandas as pd

    from handoff.outcomes import Dataset

__all__ = ["LINES_MARGIN_SECONDS", "load_dataset", "store_dataset"]

# Customer lines are read this far beyond the period on either side, so the sentiment before
# a handoff at its start and after one at its end is there.
LINES_MARGIN_SECONDS = 24 * 3600.0
_CHUNK = 20_000
_BUSY_TIMEOUT = 30.0

# Dataset column -> table column, in the Dataset's column order.
_TURNS: tuple[tuple[str, Any], ...] = (
    ("conversation", Turn.conversation_id),
    ("customer", Turn.customer),
    ("at", Turn.at),
    ("lane", Turn.lane),
    ("lane_kind", Turn.lane_kind),
    ("handoff", Turn.handoff),
    ("rule_id", Turn.rule_id),
    ("ruleset_version", Turn.ruleset_version),
    ("experiment", Turn.experiment),
    ("arm", Turn.arm),
    ("asked_person", Turn.asked_person),
    ("shadow_lane", Turn.shadow_lane),
    ("shadow_rule_id", Turn.shadow_rule_id),
    ("shadow_version", Turn.shadow_version),
    ("shadow_handoff", Turn.shadow_handoff),
)
_HANDOFFS: tuple[tuple[str, Any], ...] = (
    ("conversation", Handoff.conversation_id),
    ("cycle", Handoff.cycle),
    ("customer", Handoff.customer),
    ("lane", Handoff.lane),
    ("rule_id", Handoff.rule_id),
    ("ruleset_version", Handoff.ruleset_version),
    ("experiment", Handoff.experiment),
    ("arm", Handoff.arm),
    ("sla_seconds", Handoff.sla_seconds),
    ("handed_off_at", Handoff.handed_off_at),
    ("claimed_at", Handoff.claimed_at),
    ("within_sla", Handoff.within_sla),
    ("transfers", Handoff.transfers),
    ("status", Handoff.status),
    ("closed_at", Handoff.closed_at),
    ("outcome_code", Handoff.outcome_code),
    ("needed", Handoff.needed),
)
_LINES: tuple[tuple[str, Any], ...] = (
    ("conversation", Message.conversation_id),
    ("at", Message.at),
    ("sentiment", Message.sentiment),
)


# ------------------------------------------------------------------------------ load


def load_dataset(
    url: str,
    *,
    since: float | datetime | None = None,
    until: float | datetime | None = None,
    pseudonym_key_value: bytes | str | None = None,
) -> Dataset:
    """The outcome records of the desktop database at ``url`` as a validated Dataset.

    ``since`` / ``until`` (Unix seconds or aware datetimes; ``until`` excluded) keep the
    turns routed and the cycles handed off in that period, and the customer lines from
    :data:`LINES_MARGIN_SECONDS` before it to as long after. Rows come in the order they
    were written.

    Lines are stored under Rasa's sender id, turns and cycles under the id the desktop knows
    a conversation by (the payload's: any PII part of the sender id pseudonymised with the
    action server's key). A line's conversation is therefore pseudonymised too, with
    ``pseudonym_key_value`` (default: ``HANDOFF_PSEUDONYM_KEY``, as the relay), so lines
    join the other tables and no phone number reaches the dataset.

    Raises ``StorageUnavailable`` if the database cannot be read or is not at the desktop's
    current schema (run ``handoff desktop upgrade``).
    """
    from handoff.outcomes import Dataset  # noqa: PLC0415
    from handoff.outcomes.dataset import HANDOFF_COLUMNS, LINE_COLUMNS, TURN_COLUMNS  # noqa: PLC0415

    start, end = _seconds(since, "since"), _seconds(until, "until")
    key = pseudonym_key(pseudonym_key_value)
    engine = _engine(url)
    try:
        with _storage(engine, "be read"):
            _check_schema(engine)
            with engine.connect() as connection, connection.begin():
                turns = _frame(connection, _TURNS, Turn.seq, _window(Turn.at, start, end))
                handoffs = _load_handoffs(connection, start, end)
                margin = LINES_MARGIN_SECONDS
                lines = _frame(
                    connection,
                    _LINES,
                    Message.seq,
                    [
                        Message.kind == "customer",
                        *_window(
                            Message.at,
                            None if start is None else start - margin,
                            None if end is None else end + margin,
                        ),
                    ],
                )
    finally:
        engine.dispose()
    lines["conversation"] = _desktop_ids(
        lines["conversation"], (turns["conversation"], handoffs["conversation"]), key
    )
    data = Dataset(
        turns=_typed(turns, TURN_COLUMNS),
        handoffs=_typed(handoffs, HANDOFF_COLUMNS),
        lines=_typed(lines, LINE_COLUMNS),
    )
    data.validate()
    return data


def _load_handoffs(
    connection: sa.Connection, start: float | None, end: float | None
) -> pd.DataFrame:
    # A cycle's question: by (conversation_pk, cycle) for the desktop's own rows, by
    # handoff_id for imported ones.
    own = sa.orm.aliased(Ces, name="own")
    imported = sa.orm.aliased(Ces, name="imported")
    asked = sa.func.coalesce(own.asked_at, imported.asked_at)
    columns = (
        *_HANDOFFS,
        ("ces_asked", asked.is_not(None)),
        ("ces_score", sa.func.coalesce(own.score, imported.score)),
        ("ces_declined", sa.func.coalesce(own.declined, imported.declined, sa.false())),
    )
    statement = (
        sa.select(*(column.label(name) for name, column in columns))
        .select_from(Handoff)
        .outerjoin(own, sa.and_(own.conversation_pk == Handoff.conversation_pk,
                                own.cycle == Handoff.cycle))
        .outerjoin(imported, imported.handoff_id == Handoff.id)
        .where(*_window(Handoff.handed_off_at, start, end))
        .order_by(Handoff.id)
    )  # fmt: skip
    return _fetch(connection, statement, [name for name, _ in columns])


def _frame(
    connection: sa.Connection,
    columns: Sequence[tuple[str, Any]],
    order: Any,
    where: Sequence[Any],
) -> pd.DataFrame:
    statement = sa.select(*(column.label(name) for name, column in columns)).where(*where)
    return _fetch(connection, statement.order_by(order), [name for name, _ in columns])


def _fetch(connection: sa.Connection, statement: Any, names: list[str]) -> pd.DataFrame:
    """Rows straight from the driver's cursor into a frame: SQLAlchemy's result rows cost
    more than the query itself at a million rows. The only values in the SQL are the
    period's bounds (floats checked by ``_seconds``), rendered as literals; the columns'
    types are set afterwards by ``_typed``."""
    import pandas as pd  # noqa: PLC0415

    sql = str(statement.compile(dialect=connection.dialect,
                                compile_kwargs={"literal_binds": True}))  # fmt: skip
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
        rows = cursor.fetchall()
    finally:
        cursor.close()
    if not rows:
        return pd.DataFrame({name: pd.Series([], dtype=object) for name in names})
    return pd.DataFrame.from_records(rows, columns=names, nrows=len(rows))


def _window(column: Any, start: float | None, end: float | None) -> list[Any]:
    return [
        *(() if start is None else (column >= start,)),
        *(() if end is None else (column < end,)),
    ]


def _desktop_ids(lines: pd.Series, known: Sequence[pd.Series], key: bytes) -> pd.Series:
    """Each line's conversation as the desktop knows it: kept if the turns or cycles know it
    by that id already (fast, and the usual case), else pseudonymised (PII parts)."""
    import pandas as pd  # noqa: PLC0415

    if lines.empty:
        return lines
    seen = pd.concat(known, ignore_index=True).unique()
    unknown = ~lines.isin(seen)
    if not unknown.any():
        return lines
    ids = lines.copy()
    mapping = {value: pseudonymise(value, key) for value in ids[unknown].unique()}
    ids[unknown] = ids[unknown].map(mapping)
    return ids


def _typed(frame: pd.DataFrame, kinds: Mapping[str, str]) -> pd.DataFrame:
    """One dtype per kind, whatever the driver returned: text and optional booleans as
    objects with None for missing, numbers as float64 / int64 with NaN, booleans as bool."""
    import numpy as np  # noqa: PLC0415
    import pandas as pd  # noqa: PLC0415

    out = {}
    for name, kind in kinds.items():
        series = frame[name]
        if kind.startswith("float"):
            out[name] = pd.to_numeric(series, errors="raise").astype("float64")
        elif kind == "int":
            out[name] = series.astype("int64")
        elif kind == "bool":
            out[name] = series.astype(bool)
        else:  # str, str?, bool?: objects, None where missing
            values = series.to_numpy(dtype=object, na_value=None)
            if kind == "bool?":  # SQLite returns 0/1
                present = series.notna().to_numpy()
                flags = np.full(len(values), None, dtype=object)
                flags[present] = values[present].astype(bool)
                values = flags
            out[name] = pd.Series(values, dtype=object)
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


# ------------------------------------------------------------------------------ store


def store_dataset(url: str, dataset: Dataset) -> None:
    """Append ``dataset`` to the desktop database at ``url`` (created or migrated first), in
    one transaction: all of it or, on any error, nothing.

    Turns get the refs ``import:<batch>:<n>``; cycles no desktop conversation
    (``conversation_pk`` NULL; a cycle with ``ces_asked`` gets its ``desktop_ces`` row,
    asked when the cycle closed); lines become customer lines without text (``""``) under
    their conversation id. Storing the same dataset twice stores it twice.
    ``load_dataset(url)`` on a database holding nothing else returns an equal dataset.
    """
    from handoff.outcomes import DatasetError  # noqa: PLC0415

    dataset.validate()
    handoffs = dataset.handoffs
    ces_given = handoffs["ces_score"].notna() | handoffs["ces_declined"].astype(bool)
    if (ces_given & ~handoffs["ces_asked"].astype(bool)).any():
        raise DatasetError(
            "Dataset.handoffs has a CES score or decline where ces_asked is False; "
            "an answer needs the question: set ces_asked"
        )
    sla = handoffs["sla_seconds"].dropna()
    if (sla % 1 != 0).any():
        raise DatasetError("Dataset.handoffs.sla_seconds must be whole seconds (or missing)")
    batch = uuid.uuid4().hex[:12]
    engine = _engine(url)
    try:
        with _storage(engine, "be migrated"):
            migrations.upgrade(engine)
        lock = write_lock(sqlite_path(engine))
        if lock is not None:
            lock.acquire()
        try:
            with _storage(engine, "be written"), engine.connect() as connection:
                connection.execution_options(store_write=True)
                with connection.begin():
                    _store_turns(connection, dataset.turns, batch)
                    _store_handoffs(connection, handoffs)
                    _store_lines(connection, dataset.lines, batch)
        finally:
            if lock is not None:
                lock.release()
    finally:
        engine.dispose()


def _store_turns(connection: sa.Connection, turns: pd.DataFrame, batch: str) -> None:
    names = [name for name, _ in _TURNS]
    columns = ["ref", *(column.key for _, column in _TURNS)]
    for start, rows in _records(turns, names):
        _insert_rows(
            connection,
            Turn,
            columns,
            [(f"import:{batch}:t{start + i}", *row) for i, row in enumerate(rows)],
        )


def _insert_rows(
    connection: sa.Connection, table: Any, columns: list[str], rows: list[tuple[Any, ...]]
) -> None:
    """Many rows at once, by the driver. SQLite: ``executemany`` (SQLAlchemy's parameter
    processing would double the time of a million-row import). PostgreSQL: one INSERT ...
    SELECT FROM unnest(one array per column) per chunk (``executemany`` costs a round trip
    per row, even pipelined, and a thousand-row VALUES list costs the driver more to parse
    than the server to insert). Values are plain Python values already."""
    dialect = connection.dialect
    quote = dialect.identifier_preparer.quote
    head = f"INSERT INTO {quote(table.__tablename__)} ({', '.join(map(quote, columns))}) "
    cursor = connection.connection.cursor()
    try:
        if dialect.name == "sqlite":
            cursor.executemany(head + f"VALUES ({', '.join(['?'] * len(columns))})", rows)
            return
        types = [table.__table__.columns[name].type.compile(dialect=dialect) for name in columns]
        arrays = ", ".join(f"%s::{kind}[]" for kind in types)
        columns_values = [list(values) for values in zip(*rows, strict=True)]
        # binary: psycopg sends the arrays without quoting each value as text.
        cursor.execute(  # type: ignore[call-arg]
            head + f"SELECT * FROM unnest({arrays})", columns_values, binary=True
        )
    finally:
        cursor.close()


def _store_handoffs(connection: sa.Connection, handoffs: pd.DataFrame) -> None:
    names = [name for name, _ in _HANDOFFS]
    columns = [column.key for _, column in _HANDOFFS]
    extra = ["ces_asked", "ces_score", "ces_declined"]
    for _, rows in _records(handoffs, [*names, *extra]):
        values = []
        for row in rows:
            record = dict(zip(columns, row[: len(names)], strict=True))
            record["conversation_pk"] = None
            if record["sla_seconds"] is not None:
                record["sla_seconds"] = int(record["sla_seconds"])
            values.append(record)
        ids = connection.execute(
            sa.insert(Handoff).returning(Handoff.id, sort_by_parameter_order=True), values
        ).scalars().all()  # fmt: skip
        questions = []
        for handoff_id, record, row in zip(ids, values, rows, strict=True):
            asked, score, declined = row[len(names) :]
            if not asked:
                continue
            at = record["closed_at"] if record["closed_at"] is not None else record["handed_off_at"]
            answered = score is not None or bool(declined)
            questions.append(
                {
                    "conversation_pk": None,
                    "cycle": record["cycle"],
                    "handoff_id": handoff_id,
                    "asked_at": at,
                    "asked_after": "hand_back" if record["status"] == "handed_back" else "resolve",
                    "answered_at": at if answered else None,
                    "score": None if score is None else int(score),
                    "declined": bool(declined),
                }
            )
        if questions:
            connection.execute(sa.insert(Ces), questions)


def _store_lines(connection: sa.Connection, lines: pd.DataFrame, batch: str) -> None:
    columns = ["conversation_id", "kind", "author", "text", "ref", "at", "sentiment"]
    for start, rows in _records(lines, ["conversation", "at", "sentiment"]):
        _insert_rows(
            connection,
            Message,
            columns,
            [
                (conversation, "customer", None, "", f"import:{batch}:l{start + i}", at, sentiment)
                for i, (conversation, at, sentiment) in enumerate(rows)
            ],
        )


def _records(
    frame: pd.DataFrame, names: Sequence[str]
) -> Iterator[tuple[int, list[tuple[Any, ...]]]]:
    """The frame's rows in chunks, as tuples of plain Python values (None for missing)."""
    columns = []
    for name in names:
        values = frame[name].to_numpy(dtype=object)
        missing = frame[name].isna().to_numpy()
        if missing.any():
            values = values.copy()
            values[missing] = None
        columns.append(values)
    for start in range(0, len(frame), _CHUNK):
        chunk = [column[start : start + _CHUNK] for column in columns]
        yield start, list(zip(*chunk, strict=True))


# ------------------------------------------------------------------------------ helpers


def _seconds(value: float | datetime | None, what: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(f"{what} must be an aware datetime (with a time zone) or seconds")
        return value.timestamp()
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{what} must be Unix seconds or an aware datetime, not {value!r:.40}")
    return float(value)


def _engine(url: str) -> sa.Engine:
    engine, _ = store.create_engine(url, busy_timeout=_BUSY_TIMEOUT)
    return engine


def _check_schema(engine: sa.Engine) -> None:
    name = engine.url.render_as_string(hide_password=True)
    current, head = migrations.current(engine), migrations.head()
    if current != head:
        state = "has no desktop tables" if current is None else f"is at revision {current}"
        raise StorageUnavailable(
            f"desktop database {name} {state}; outcomes need revision {head}. "
            "Run: handoff desktop upgrade --db URL"
        )


@contextlib.contextmanager
def _storage(engine: sa.Engine, doing: str) -> Iterator[None]:
    """Database errors (SQLAlchemy's, and the driver's own from the bulk paths, which use
    its cursor) as ``StorageUnavailable`` naming the database, never the SQL or data."""
    driver_error = getattr(getattr(engine.dialect, "loaded_dbapi", None), "Error", None)
    errors = (sa.exc.SQLAlchemyError, OSError,
              *((driver_error,) if isinstance(driver_error, type) else ()))  # fmt: skip
    try:
        yield
    except errors as error:
        name = engine.url.render_as_string(hide_password=True)
        raise StorageUnavailable(
            f"desktop database {name} cannot {doing}: {_cause(error)}"
        ) from None
