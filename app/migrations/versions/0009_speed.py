"""The newest message in and out of a number, by index (the table's "last message").

Without it, "newest incoming of this number" read every row of the number and sorted
them: with a backlog of 10,000 outgoing and no incoming message, 20-60 ms on the window's
loop five times a second while the outbox drained.

Revision ID: 0009_speed
Revises: 0006_media
"""

from __future__ import annotations

from alembic import op

revision = "0009_speed"
down_revision = "0006_media"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_messages_account_direction", "messages", ["account_id", "direction", "id"])


def downgrade() -> None:
    op.drop_index("ix_messages_account_direction", table_name="messages")
