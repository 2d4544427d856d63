"""kill -9 of the bridge in the middle of a download and of an upload (the real app core
and bridge, sim media paced so the kill lands mid-transfer): the message arrives once,
its bytes intact."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import subprocess
from pathlib import Path

import psutil
import pytest

from app.bridge.node import resolve_node
from app.domain.bridge_policy import Policy
from app.domain.media import media_of
from tests.liveapp import FAST_SIM, dispose, eventually, link, make_service, run

pytestmark = [pytest.mark.chaos, pytest.mark.integration]

#: Restart a killed bridge at once.
POLICY = Policy(first_retry_delay=0.2, backoff_max=1.0, healthy_reset=0.5)
#: 40 KB at 10 KB/s: an upload takes about 4 s, long enough to be cut.
BPS = 10_000
FILE = b"%PDF-1.7\n" + os.urandom(40_000)
#: A download of 64 KiB chunks at 10 KB/s: about 6.5 s each, cut after the first chunk.
SEEDED_SIZE = 3 * 64 * 1024
SEED = "chaos-download"


def seeded_sha256(seed: str, size: int) -> str:
    """The sim's deterministic bytes, hashed by the bridge's own code (seededChunks)."""
    module = (ROOT / "node_bridge" / "src" / "engines" / "sim" / "media.js").as_uri()
    script = (
        f"import {{ seededChunks }} from '{module}';"
        "import { createHash } from 'node:crypto';"
        "const h = createHash('sha256');"
        f"for (const c of seededChunks({json.dumps(seed)}, {size})) h.update(c);"
        "console.log(h.digest('hex'));"
    )
    answer = subprocess.run(
        [str(resolve_node()), "--input-type=module", "-e", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=30,
    )
    return answer.stdout.strip()


CUSTOMER = "6281234567890"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def slow_media(loop, data_dir):
    live = make_service(data_dir, policy=POLICY, session_options={**FAST_SIM, "media_bps": BPS})
    live.start()
    yield live
    dispose(loop, live)


def kill_bridge(service) -> int:
    pid = service.supervisor.pid
    assert pid
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    return pid


async def back_after_kill(service, old_pid: int) -> None:
    await eventually(
        lambda: service.supervisor.pid not in (None, old_pid) and service.client is not None,
        timeout=30,
        what="a new bridge",
    )


def reading(service, path: str) -> bool:
    pid = service.supervisor.pid
    try:
        return pid is not None and any(f.path == path for f in psutil.Process(pid).open_files())
    except psutil.Error:
        return False


def partial_downloads(service) -> list:
    tmp = service.media.files.root / ".tmp"
    return [p for p in tmp.glob("bridge-*") if p.stat().st_size > 0] if tmp.exists() else []


def test_a_download_cut_by_kill_9_arrives_once_with_intact_bytes(loop, slow_media, chaos_counts):
    service = slow_media

    async def scenario():
        account = await link(service, "Toko", "6281300000501")
        media = {
            "type": "document",
            "mimetype": "application/pdf",
            "file_name": "nota.pdf",
            "size": SEEDED_SIZE,
            "seed": SEED,
        }
        body = {"messages": [{"from": CUSTOMER, "message_id": "SLOW1", "media": media}]}
        await service.client.sim(f"sessions/{account.id}/inbound", body)
        await eventually(lambda: bool(partial_downloads(service)), what="a download under way")
        assert service.store.messages(account.id) == []  # not announced before its bytes
        old = kill_bridge(service)
        await back_after_kill(service, old)
        await eventually(lambda: len(service.store.messages(account.id)) == 1, timeout=30)
        (row,) = service.store.messages(account.id)
        stored = media_of(row)
        wanted = seeded_sha256(SEED, SEEDED_SIZE)
        assert stored.state == "stored" and stored.sha256 == wanted
        data = service.media.path_of(stored.sha256).read_bytes()
        assert len(data) == SEEDED_SIZE and hashlib.sha256(data).hexdigest() == wanted
        await eventually(lambda: not partial_downloads(service), what="no partial file left")
        chaos_counts(kills=1, messages_in=1, duplicates=len(service.store.messages(account.id)) - 1)

    run(loop, scenario(), timeout=90)


def test_an_upload_cut_by_kill_9_is_sent_once_with_intact_bytes(
    loop, slow_media, tmp_path, chaos_counts
):
    service = slow_media

    async def scenario():
        account = await link(service, "Toko", "6281300000502")
        source = tmp_path / "nota.pdf"
        source.write_bytes(FILE)
        message = service.media.send_file(account.id, "+" + CUSTOMER, source)
        stored = str(service.media.path_of(media_of(message).sha256))
        # The bridge reads the stored file as it uploads it (10 KB/s): caught with it open.
        await eventually(lambda: reading(service, stored), what="the upload under way")
        assert service.store.message(message.id).status == "queued"
        old = kill_bridge(service)
        await back_after_kill(service, old)
        await eventually(
            lambda: service.store.message(message.id).status in ("delivered", "read"),
            timeout=40,
            what="the file delivered after the kill",
        )
        wire = [
            s for s in await service.client.sim_network() if s["client_id"] == message.message_id
        ]
        assert len(wire) == 1, wire  # sent once
        assert wire[0]["media"]["sha256"] == hashlib.sha256(FILE).hexdigest()
        assert wire[0]["media"]["size"] == len(FILE)
        chaos_counts(kills=1, messages_out=1, duplicates=len(wire) - 1)

    run(loop, scenario(), timeout=90)
