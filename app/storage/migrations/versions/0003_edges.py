"""The real world's edges: a number's limit on new contacts, and group message authors.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        # WhatsApp's time lock or cap on new contacts (reason code, end; NULL end: until lifted).
        batch.add_column(sa.Column("limit_reason", sa.String(40), nullable=True))
        batch.add_column(sa.Column("limited_until", sa.DateTime(), nullable=True))
    with op.batch_alter_table("messages") as batch:
        # Who wrote an inbound group message (phone digits, or a LID when unknown).
        batch.add_column(sa.Column("author", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("author")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("limited_until")
        batch.drop_column("limit_reason")
