"""Alembic environment: run against the connection the app hands over."""

from __future__ import annotations

from alembic import context

from app.storage.inbox import tables as _inbox_tables  # noqa: F401  (their rows are Base's too)
from app.storage.tables import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs batch mode to alter tables
)
with context.begin_transaction():
    context.run_migrations()
