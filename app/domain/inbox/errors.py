"""A refusal of the inbox, with a code the window translates and a sentence the API sends."""

from __future__ import annotations


class InboxError(ValueError):
    """Bad input: nothing was changed. `code` names the sentence; `values` fill it in.

    The English sentence is `str(error)`; the window shows the same sentence in the
    owner's language (app.ui.inbox.words), with `{name}`-style places for the values.
    """

    def __init__(self, code: str, sentence: str, **values: object) -> None:
        self.code = code
        self.template = sentence
        self.values = {key: _shown(value) for key, value in values.items()}
        super().__init__(fill(sentence, self.values))


def _shown(value: object) -> str:
    """Counts with thousands separators, as elsewhere in Jaga ("60,000")."""
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def fill(template: str, values: dict[str, str]) -> str:
    """`{key}` places filled in by plain replacement (a brace in a value is harmless)."""
    text = template
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text
