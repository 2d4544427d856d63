"""The recipient table through every path (window, WAHA API, Fonnte shim, replies in the
window and through the API), against what the simulated WhatsApp network received.

Seen failing against: main at 583a38a (sendText to 6591234567@c.us went to 626591234567,
HK and TW the same; MY/US/GB/SA were refused with 422; /send with countryCode=0 went to a
62… number).
"""

from __future__ import annotations

import httpx
import pytest

from app.domain.recipients import country_name
from tests.apilive import base_url
from tests.gui.chats.test_window import link, new_message, open_chats, type_reply
from tests.liveapp import eventually, run
from tests.recipient_table import TABLE, Row

pytestmark = pytest.mark.integration


def window_send(chats, row: Row, text: str) -> None:
    """As the owner types it: Indonesian numbers as dialled at home, others with +."""
    typed = row.national if row.region == "ID" else "+" + row.digits
    dialog = new_message(chats, typed, text)
    if row.region != "ID":  # the first send abroad shows where it goes, and asks again
        assert dialog.isVisible() and dialog.error_label.isVisible()
        shown = dialog.error_label.text()
        assert country_name(row.region) in shown and shown.count("+") == 1, shown
        assert dialog.resolved_label.text().startswith("Goes to +")
        dialog.send_button.click()
    assert not dialog.isVisible()


async def api_sends(http: httpx.AsyncClient, account_id: str, row: Row) -> dict[str, str]:
    """sendText and /send (countryCode 0, and the country's own code before a 0); returns
    text → the recipient each answer named."""
    named: dict[str, str] = {}
    body = {"session": account_id, "chatId": f"{row.digits}@c.us", "text": f"api-{row.region}"}
    answer = (await http.post("/api/sendText", json=body)).raise_for_status().json()
    named[body["text"]] = answer["to"].removesuffix("@c.us")
    forms = [("0", row.digits, f"shim0-{row.region}")]
    if row.trunk_zero:
        forms.append((row.country_code, row.national, f"shimcc-{row.region}"))
    for code, target, text in forms:
        form = {"target": target, "message": text, "countryCode": code, "session": account_id}
        answer = (await http.post("/send", data=form)).raise_for_status().json()
        assert answer["status"] is True
        [named[text]] = answer["target"]
    return named


def test_every_country_goes_to_exactly_that_number_on_every_path(
    qtbot, loop, service, gateway, make_window
):
    async def scenario() -> None:
        shop = await link(service, "Toko", "6281300000901")
        chats = open_chats(qtbot, make_window, service, shop)
        named: dict[str, str] = {}
        headers = {"X-Api-Key": gateway.api_key.value}
        async with httpx.AsyncClient(base_url=base_url(gateway), headers=headers) as http:
            for row in TABLE:
                window_send(chats, row, f"win-{row.region}")
                named[f"win-{row.region}"] = row.digits
                named.update(await api_sends(http, shop, row))
                # The customer writes; the owner replies in the window, the shop through
                # the API quoting the customer's message.
                inbound = {"from": row.digits, "text": f"in-{row.region}", "message_id": row.region}
                await service.client.sim(f"sessions/{shop}/inbound", {"messages": [inbound]})
                await eventually(lambda r=row: _received(service, shop, r))
                chats.open_chat(row.digits)
                type_reply(qtbot, chats, f"re-win-{row.region}")
                named[f"re-win-{row.region}"] = row.digits
                body = {
                    "session": shop,
                    "chatId": f"{row.digits}@c.us",
                    "text": f"re-api-{row.region}",
                    "reply_to": f"false_{row.digits}@c.us_{row.region}",
                }
                answer = await http.post("/api/sendText", json=body)
                assert answer.status_code == 201, answer.text
                answer = answer.json()
                named[body["text"]] = answer["to"].removesuffix("@c.us")

        async def wire() -> dict[str, str]:
            sent = await service.client.sim_network()
            return {s["text"]: s["to"] for s in sent if s["text"] in named}

        await eventually(lambda: _all(wire, named), timeout=30, what="every send on the wire")
        carried = await wire()
        for text, to in named.items():
            region = text.rsplit("-", 1)[1]
            expected = next(r.digits for r in TABLE if r.region == region)
            assert (text, to, carried[text]) == (text, expected, expected)

    run(loop, scenario(), timeout=120)


def _received(service, shop: str, row: Row) -> bool:
    return any(m.direction == "in" for m in service.store.messages(shop, row.digits))


async def _all(wire, named: dict[str, str]) -> bool:
    return len(await wire()) == len(named)
