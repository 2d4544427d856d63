"""Photos, documents and voice notes: a message's media metadata (bytes in data/media/).

Revision ID: 0006_media
Revises: 0005_gw2_replies
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_media"
down_revision = "0005_gw2_replies"
branch_labels = None
depends_on = None

COLUMNS = (
    ("media_type", sa.String(12)),
    ("media_mimetype", sa.String(100)),
    ("media_size", sa.Integer()),
    ("media_sha256", sa.String(64)),
    ("media_file_name", sa.Text()),
    ("media_state", sa.String(12)),
    ("media_error", sa.Text()),
    ("media_thumb_sha256", sa.String(64)),
)


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        for name, kind in COLUMNS:
            batch.add_column(sa.Column(name, kind, nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        for name, _kind in reversed(COLUMNS):
            batch.drop_column(name)
