"""The simulated WhatsApp network pushing inbound messages, from its own process.

python -m bench.inject --port P --session ID --rate 2000 --seconds 5  (token in JAGA_TOKEN)

Run apart from the app so the app's event loop, which is what the burst measures, is not
also the one producing the burst. Pushes one batch every 50 ms on a fixed schedule and
prints one JSON line: how many messages went out and the rate actually offered.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

import httpx

PUSH_INTERVAL_S = 0.05


def burst(
    http: httpx.Client, session: str, rate: int, seconds: float, sender: str, prefix: str
) -> dict[str, float]:
    total = int(rate * seconds)
    batch = max(1, round(rate * PUSH_INTERVAL_S))
    began = time.monotonic()
    for start in range(0, total, batch):
        messages = [
            {"from": sender, "text": f"burst {i}", "message_id": f"{prefix}{i:07d}"}
            for i in range(start, min(total, start + batch))
        ]
        response = http.post(f"/sim/sessions/{session}/inbound", json={"messages": messages})
        response.raise_for_status()
        due = began + (start + batch) / rate
        time.sleep(max(0.0, due - time.monotonic()))
    offered_s = time.monotonic() - began
    return {"messages": total, "offered_s": offered_s, "offered_rate_per_s": total / offered_s}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--session", required=True)
    parser.add_argument("--rate", type=int, default=2000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--sender", default="6281234567890")
    parser.add_argument("--prefix", default="B", help="message ids are PREFIX0000000, ...")
    args = parser.parse_args(argv)
    token = os.environ["JAGA_TOKEN"]  # not on the command line, where `ps` would show it
    with httpx.Client(
        base_url=f"http://127.0.0.1:{args.port}",
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
        trust_env=False,
    ) as http:
        result = burst(http, args.session, args.rate, args.seconds, args.sender, args.prefix)
    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
