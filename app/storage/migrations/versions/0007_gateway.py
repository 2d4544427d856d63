"""The gateway's WAHA session config: a number's metadata, and webhooks set for one number.

Revision ID: 0007_gateway
Revises: 0006_media
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007_gateway"
down_revision = "0006_media"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "session_configs",
        sa.Column(
            "account_id",
            sa.String(64),
            sa.ForeignKey("accounts.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("metadata_json", sa.Text(), nullable=False, server_default="{}"),
    )
    with op.batch_alter_table("webhook_targets") as batch:
        # Set through one number's session config (PUT /api/sessions/{session}): only that
        # number's events; NULL (the window's addresses) for every number.
        batch.add_column(sa.Column("account_id", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("webhook_targets") as batch:
        batch.drop_column("account_id")
    op.drop_table("session_configs")
