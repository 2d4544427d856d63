"""Quick replies in app.sqlite3: shared or one number's, each name once."""

from __future__ import annotations

import pytest

from app.domain.inbox.errors import InboxError
from app.storage.inbox.quick_replies import QuickRepliesRepo


def test_replies_shared_or_kept_for_one_number(hooked, shop):
    repo = QuickRepliesRepo(hooked)
    shared = repo.save(None, "/Terima", "Terima kasih {name}!", None, max_utf16=1000)
    mine = repo.save(None, "terima", "Makasih kak", shop, max_utf16=1000)
    assert (shared.shortcut, shared.account_id, mine.account_id) == ("terima", None, shop)
    with pytest.raises(InboxError) as refused:
        repo.save(None, "TERIMA", "lagi", None, max_utf16=1000)
    assert refused.value.code == "reply_exists"
    changed = repo.save(shared.id, "terima", "Terima kasih banyak", None, max_utf16=1000)
    assert changed.id == shared.id
    repo.delete(mine.id)
    assert [(r.shortcut, r.text) for r in repo.all()] == [("terima", "Terima kasih banyak")]


def test_a_reply_over_the_text_limit_changes_nothing(hooked, shop):
    repo = QuickRepliesRepo(hooked)
    with pytest.raises(InboxError) as refused:
        repo.save(None, "panjang", "x" * 1001, None, max_utf16=1000)
    assert refused.value.code == "reply_text_long"
    assert repo.all() == []
