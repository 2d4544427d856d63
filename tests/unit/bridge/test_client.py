"""How the outbox cuts a backlog into batch requests (app.bridge.client.batches). Pure."""

from __future__ import annotations

import json

from app.bridge.client import batches, send_body


def bodies(n: int, text: str = "halo") -> list[dict]:
    return [send_body(f"62812{i:07d}", text, f"JAGA{i:016X}") for i in range(n)]


def test_a_backlog_is_cut_at_the_bridges_count_in_order():
    chunks = list(batches(bodies(250), max_items=100, max_bytes=10**6))
    assert [len(c) for c in chunks] == [100, 100, 50]
    assert [b["client_id"] for c in chunks for b in c] == [b["client_id"] for b in bodies(250)]


def test_no_batch_passes_the_bridges_body_size_even_with_non_latin_text():
    many = bodies(60, text="Pesanan siap 🙏 " * 40 + "ÄÖÜ" * 20)
    limit = 16 * 1024
    chunks = list(batches(many, max_items=100, max_bytes=limit))
    assert len(chunks) > 1
    for chunk in chunks:
        as_sent = json.dumps({"messages": chunk}, ensure_ascii=False).encode()
        assert len(as_sent) <= limit
        assert len(json.dumps({"messages": chunk}).encode()) <= limit
    assert sum(len(c) for c in chunks) == 60


def test_one_send_larger_than_a_batch_still_goes_alone():
    big = bodies(3, text="x" * 5000)
    assert [len(c) for c in batches(big, max_items=100, max_bytes=4000)] == [1, 1, 1]


def test_nothing_to_send_makes_no_request():
    assert list(batches([], max_items=100, max_bytes=1000)) == []
