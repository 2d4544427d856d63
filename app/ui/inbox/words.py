"""The inbox's refusals (app.domain.inbox.errors.InboxError) in the owner's language."""

from __future__ import annotations

from app.domain.inbox.errors import InboxError, fill
from app.ui.shared.error_text import error_words
from app.ui.shared.formatting import tr, tr_noop

#: One sentence per code; `{name}` places are filled in after translating.
SENTENCES = {
    "label_name_missing": tr_noop("Give the label a name, for example “Paid”."),
    "label_name_control": tr_noop(
        "A label's name cannot contain line breaks or control characters."
    ),
    "label_name_long": tr_noop(
        "A label's name is at most {max} characters (this one has {count})."
    ),
    "label_color": tr_noop("A label's colour is a number from 0 to {last}."),
    "label_color_hex": tr_noop(
        "“{given}” is not one of WhatsApp's label colours ({first} … {last})."
    ),
    "label_id": tr_noop("A label id is a whole number such as “3”."),
    "label_exists": tr_noop("This number has a label “{name}” already."),
    "label_unknown": tr_noop("There is no label {id} on this number."),
    "reply_shortcut_missing": tr_noop("Give the quick reply a short name, such as “terima”."),
    "reply_shortcut_bad": tr_noop(
        "A quick reply's name is one word of letters and digits (at most {max}), such as “terima”."
    ),
    "reply_text_missing": tr_noop("Write the words of the quick reply."),
    "reply_text_long": tr_noop("A quick reply is at most {max} characters (this one has {count})."),
    "reply_exists": tr_noop("There is a quick reply “/{name}” already."),
    "hours_time": tr_noop("“{given}” is not a time of day."),
    "hours_format": tr_noop("Write opening hours as 08:00-17:00 (not “{given}”)."),
    "hours_empty": tr_noop(
        "“{given}” is empty or ends before it starts; write a span such as 08:00-17:00."
    ),
    "hours_overlap": tr_noop("{first} and {second} overlap."),
    "away_text_missing": tr_noop("Write the away message, or turn it off."),
    "hours_none": tr_noop(
        "With no opening hours the away message would answer every message: "
        "add the hours you are open, or turn the away message off."
    ),
    "greeting_text_missing": tr_noop("Write the greeting, or turn it off."),
    "auto_text_long": tr_noop("An automatic answer is at most {max} characters."),
    "search_long": tr_noop("Search for at most {max} characters (this has {count})."),
    "search_empty": tr_noop("Type a word, a name or a phone number to search for."),
}


def inbox_words(error: Exception) -> str:
    """Any refusal the inbox's calls raise, as a sentence for the owner."""
    if isinstance(error, InboxError) and error.code in SENTENCES:
        return fill(tr(SENTENCES[error.code]), error.values)
    return error_words(error)
