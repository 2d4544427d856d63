"""What the owner reads when a background task of Jaga stopped after an error and was
started again (app/tasks/keeper.py), in the owner's language (for error_words)."""

from __future__ import annotations

import re

from app.domain.restart_pauses import GENERIC_STOPPED, STOPPED_SENTENCES, WORK_FAILED
from app.ui.shared.formatting import tr_noop

#: Each English sentence (matched whole) and its words for translation.
_WORDS = {
    STOPPED_SENTENCES["event stream"]: tr_noop(
        "Jaga's link to the bridge stopped after an error; Jaga started it again."
    ),
    STOPPED_SENTENCES["outbox"]: tr_noop(
        "Jaga's message sender stopped after an error; Jaga started it again."
    ),
    STOPPED_SENTENCES["reconciler"]: tr_noop(
        "Jaga's check of your numbers stopped after an error; Jaga started it again."
    ),
    STOPPED_SENTENCES["webhook sender"]: tr_noop(
        "Jaga's webhook sender stopped after an error; Jaga started it again."
    ),
    GENERIC_STOPPED: tr_noop("A part of Jaga stopped after an error; Jaga started it again."),
    WORK_FAILED: tr_noop("Some of Jaga's background work failed; the details are in jaga.log."),
}

KEEPER_SENTENCES = [(re.escape(sentence), words) for sentence, words in _WORDS.items()]
