"""The bridge: its process, its HTTP API and its event stream (httpx clients).

httpx imports its command-line client with itself wherever rich, click and pygments are
installed (a development install has them): about 6 MiB and 50-80 ms on the restore's
path, never used by Jaga. None in sys.modules makes httpx take its own fallback for it
(docs/benchmarks.md, "Where start-up time and memory go").
"""

import sys

sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
