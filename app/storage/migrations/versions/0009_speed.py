"""Indexes for a big outbox: the newest message in and out of a number (the table's "last
message"), and the head of each chat's queue (the dispatcher's every round).

Without the first, "newest incoming of this number" read every row of the number and
sorted them: with a backlog of 10,000 outgoing and no incoming message, 20-60 ms on the
window's loop five times a second while the outbox drained. Without the second, each
round of the drain read every row the number ever had (26 ms at 30,000 rows, 1.4 ms
with it): a shop's drain slowed down with its history.

Revision ID: 0009_speed
Revises: 0008_inbox
"""

from __future__ import annotations

from alembic import op

revision = "0009_speed"
down_revision = "0008_inbox"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_messages_account_direction", "messages", ["account_id", "direction", "id"])
    op.create_index(
        "ix_messages_queue", "messages", ["status", "direction", "account_id", "chat", "id"]
    )


def downgrade() -> None:
    op.drop_index("ix_messages_queue", table_name="messages")
    op.drop_index("ix_messages_account_direction", table_name="messages")
