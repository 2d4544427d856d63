"""One inbox: read state and names per chat, labels, quick replies, opening hours and
per-number settings, automatic answers, and full-text search over messages.

`inbox_chats` and `messages_fts` follow `messages` by triggers, so they change in the
very transaction that writes a message, whatever writes it.

Revision ID: 0008_inbox
Revises: 0007_gateway
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008_inbox"
down_revision = "0007_gateway"
branch_labels = None
depends_on = None

FTS = "messages_fts"

#: The message search index: external content (the text lives once, in messages).
FTS_SQL = (
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(text, content='messages', content_rowid='id',"
    ' tokenize="unicode61 remove_diacritics 2")',
    f"CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN"
    f" INSERT INTO {FTS}(rowid, text) VALUES (new.id, new.text); END",
    f"CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
    f" INSERT INTO {FTS}({FTS}, rowid, text) VALUES ('delete', old.id, old.text); END",
    f"CREATE TRIGGER messages_fts_update AFTER UPDATE OF text ON messages BEGIN"
    f" INSERT INTO {FTS}({FTS}, rowid, text) VALUES ('delete', old.id, old.text);"
    f" INSERT INTO {FTS}(rowid, text) VALUES (new.id, new.text); END",
    f"INSERT INTO {FTS}({FTS}) VALUES ('rebuild')",
)

#: A chat's newest message, newest incoming one and the owner's newest answer (automatic
#: answers, whose ids start with JAGAAUTO, are no answer), kept with every insert.
CHAT_UPSERT = (
    " INSERT INTO inbox_chats (account_id, chat, unread, read_upto, last_id, last_in_id,"
    " last_answer_id)"
    " VALUES (new.account_id, new.chat, 0, 0, new.id,"
    " CASE WHEN new.direction = 'in' THEN new.id END,"
    " CASE WHEN new.direction = 'out' AND new.message_id NOT LIKE 'JAGAAUTO%' THEN new.id END)"
    " ON CONFLICT (account_id, chat) DO UPDATE SET"
    " last_id = max(last_id, excluded.last_id),"
    " last_in_id = coalesce(max(last_in_id, excluded.last_in_id), last_in_id,"
    " excluded.last_in_id),"
    " last_answer_id = coalesce(max(last_answer_id, excluded.last_answer_id), last_answer_id,"
    " excluded.last_answer_id);"
)
CHAT_SQL = (
    f"CREATE TRIGGER inbox_chats_message AFTER INSERT ON messages BEGIN{CHAT_UPSERT} END",
    # A chat the app learns is someone's LID chat moves to the phone's (app.domain.whatsapp_edges).
    f"CREATE TRIGGER inbox_chats_moved AFTER UPDATE OF chat ON messages BEGIN{CHAT_UPSERT} END",
    # The chats there are already: everything in them counts as read.
    "INSERT INTO inbox_chats (account_id, chat, unread, read_upto, last_id, last_in_id,"
    " last_answer_id)"
    " SELECT account_id, chat, 0, max(id), max(id),"
    " max(CASE WHEN direction = 'in' THEN id END),"
    " max(CASE WHEN direction = 'out' AND message_id NOT LIKE 'JAGAAUTO%' THEN id END)"
    " FROM messages GROUP BY account_id, chat",
)


def _account() -> sa.Column:
    return sa.Column(
        "account_id",
        sa.String(64),
        sa.ForeignKey("accounts.id", ondelete="CASCADE"),
        nullable=False,
    )


def _tables() -> None:
    op.create_table(
        "inbox_chats",
        _account(),
        sa.Column("chat", sa.String(64), nullable=False),
        sa.Column("name", sa.String(100), nullable=True),
        sa.Column("owner_name", sa.String(100), nullable=True),
        sa.Column("unread", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("read_upto", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_id", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("last_in_id", sa.Integer(), nullable=True),
        sa.Column("last_answer_id", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("account_id", "chat"),
    )
    op.create_index("ix_inbox_chats_last", "inbox_chats", ["last_id"])
    op.create_table(
        "inbox_labels",
        _account(),
        sa.Column("label_id", sa.String(12), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("color", sa.Integer(), nullable=False, server_default="0"),
        sa.Column("deleted", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("from_whatsapp", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("synced", sa.Boolean(), nullable=False, server_default="1"),
        sa.PrimaryKeyConstraint("account_id", "label_id"),
    )
    op.create_table(
        "inbox_chat_labels",
        _account(),
        sa.Column("label_id", sa.String(12), nullable=False),
        sa.Column("chat", sa.String(64), nullable=False),
        sa.Column("labeled", sa.Boolean(), nullable=False, server_default="1"),
        sa.Column("synced", sa.Boolean(), nullable=False, server_default="1"),
        sa.PrimaryKeyConstraint("account_id", "label_id", "chat"),
    )
    op.create_index("ix_inbox_chat_labels_chat", "inbox_chat_labels", ["account_id", "chat"])


def _settings_tables() -> None:
    op.create_table(
        "inbox_quick_replies",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column(
            "account_id",
            sa.String(64),
            sa.ForeignKey("accounts.id", ondelete="CASCADE"),
            nullable=True,
        ),
        sa.Column("shortcut", sa.String(30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
    )
    op.create_table(
        "inbox_settings",
        sa.Column(
            "account_id",
            sa.String(64),
            sa.ForeignKey("accounts.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("away_on", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("away_text", sa.Text(), nullable=False, server_default=""),
        sa.Column("greeting_on", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("greeting_text", sa.Text(), nullable=False, server_default=""),
        sa.Column("hours", sa.Text(), nullable=False, server_default=""),
        sa.Column("notices_on", sa.Boolean(), nullable=False, server_default="1"),
        sa.Column("quiet_from", sa.Integer(), nullable=True),
        sa.Column("quiet_to", sa.Integer(), nullable=True),
        sa.Column("notice_groups", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("blue_ticks", sa.Boolean(), nullable=False, server_default="0"),
        sa.Column("business", sa.Boolean(), nullable=False, server_default="0"),
    )
    op.create_table(
        "inbox_auto_replies",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        _account(),
        sa.Column("chat", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("message_id", sa.String(64), nullable=False),
        sa.Column("answers", sa.String(64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "ix_inbox_auto_replies_chat", "inbox_auto_replies", ["account_id", "chat", "kind", "at"]
    )


def upgrade() -> None:
    _tables()
    _settings_tables()
    for statement in (*FTS_SQL, *CHAT_SQL):
        op.execute(statement)


def downgrade() -> None:
    for trigger in (
        "messages_fts_insert",
        "messages_fts_delete",
        "messages_fts_update",
        "inbox_chats_message",
        "inbox_chats_moved",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute(f"DROP TABLE IF EXISTS {FTS}")
    for table in (
        "inbox_auto_replies",
        "inbox_settings",
        "inbox_quick_replies",
        "inbox_chat_labels",
        "inbox_labels",
        "inbox_chats",
    ):
        op.drop_table(table)
