"""A stand-in for the bridge that misbehaves on purpose (design: "A fake node").

Usage: python fake_bridge.py MODE [PID_OUT]
  never_ready   runs, prints logs, never says READY
  exit1         exits 1 at once
  exit78        prints why on stderr, exits 78 (configuration error)
  crash_said    logs a fatal error with its cause (pino's err), exits 1
  stubborn      says READY, then ignores stdin EOF and SIGTERM (must be killed)
  ready         says READY, exits 0 when stdin closes
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time


def ready_line() -> str:
    info = {"port": 1, "pid": os.getpid(), "boot_id": f"fake-{os.getpid()}", "version": "fake"}
    return "JAGA_READY " + json.dumps(info)


def main() -> int:
    mode = sys.argv[1]
    print(
        json.dumps({"level": 30, "msg": f"fake bridge {mode} starting"}),
        file=sys.stderr,
        flush=True,
    )
    if mode == "exit1":
        return 1
    if mode == "crash_said":
        line = {"level": 60, "msg": "cannot open bridge.sqlite3"}
        print(json.dumps({**line, "err": {"message": "file is not a database"}}), file=sys.stderr)
        return 1
    if mode == "exit78":
        print(
            json.dumps({"level": 60, "msg": "data folder is locked by pid 4242"}), file=sys.stderr
        )
        return 78
    if mode == "never_ready":
        while True:
            time.sleep(0.1)
    if mode == "stubborn":
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        print(ready_line(), flush=True)
        sys.stdin.read()  # EOF arrives; it does not care
        while True:
            time.sleep(0.1)
    if mode == "ready":
        print(ready_line(), flush=True)
        sys.stdin.read()
        return 0
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    sys.exit(main())
