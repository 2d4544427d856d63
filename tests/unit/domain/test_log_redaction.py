"""Pure rules of the hardening work: log redaction."""

from __future__ import annotations

import json

from app.domain.log_redaction import redact


def test_phone_numbers_are_masked_in_any_log_text():
    line = "send to 628123456789@s.whatsapp.net failed (+6281234567890); pid 4242 at 2026-11-30"
    out = redact(line)
    assert "628123456789" not in out and "6281234567890" not in out
    assert out.endswith("pid 4242 at 2026-11-30")
    assert "••89@s.whatsapp.net" in out


def test_a_bridge_json_line_stays_json_and_its_phones_are_masked():
    # The bridge's READY line carries byte limits of 8-10 digits as bare JSON numbers.
    line = '{"limits":{"media_max_total_bytes":2147483648},"to":"628123456789","msg":"ready"}'
    out = json.loads(redact(line))
    assert out["limits"]["media_max_total_bytes"] == 2147483648
    assert out["to"].endswith("89") and "628123456789" not in out["to"]
