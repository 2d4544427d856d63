"""The core's refusals (MessageError, StoreError) in the owner's language."""

from __future__ import annotations

import re

from app.ui.shared.formatting import tr, tr_noop
from app.ui.shared.keeper_text import KEEPER_SENTENCES
from app.ui.shared.media_text import MEDIA_SENTENCES

#: The sentences of app.domain.outbox.MessageError and app.storage.store.StoreError, as
#: patterns, so the owner reads them in the app's language. `(.*)` becomes %1.
_ERROR_SENTENCES = [
    (r"Enter the phone number to send to\.", tr_noop("Enter the phone number to send to.")),
    (r"“(.*)” is not a phone number\.", tr_noop("“%1” is not a phone number.")),
    (r"“(.*)” is not a valid phone number\.", tr_noop("“%1” is not a valid phone number.")),
    (
        r"“(.*)” could be a number at home or abroad: type it with \+ first\.",
        tr_noop("“%1” could be a number at home or abroad: type it with + first."),
    ),
    (r"The message is empty\.", tr_noop("The message is empty.")),
    # app/domain/webhook_address.py: a webhook address refused when it is added
    (
        r"Choose the events to send from: (.*)\.",
        tr_noop("Choose the events to send from: %1."),
    ),
    (
        r"Enter the webhook address, such as https://shop\.example/hook\.",
        tr_noop("Enter the webhook address, such as https://shop.example/hook."),
    ),
    (
        r"A webhook address cannot contain spaces, tabs, line breaks or other invisible "
        r"characters\.",
        tr_noop(
            "A webhook address cannot contain spaces, tabs, line breaks or other invisible "
            "characters."
        ),
    ),
    (
        r"A webhook address is at most (.*) characters\.",
        tr_noop("A webhook address is at most %1 characters."),
    ),
    (
        r"This webhook address cannot be read as a URL\.",
        tr_noop("This webhook address cannot be read as a URL."),
    ),
    (
        r"A webhook address must start with http:// or https://\.",
        tr_noop("A webhook address must start with http:// or https://."),
    ),
    (
        r"A webhook address must name a host, such as shop\.example\.",
        tr_noop("A webhook address must name a host, such as shop.example."),
    ),
    (
        r"A webhook address's port must be from 1 to 65535\.",
        tr_noop("A webhook address's port must be from 1 to 65535."),
    ),
    (
        r"Write an IPv6 address in brackets, such as http://\[::1\]:8080/hook\.",
        tr_noop("Write an IPv6 address in brackets, such as http://[::1]:8080/hook."),
    ),
    (
        r"The IPv6 address in brackets is not valid\.",
        tr_noop("The IPv6 address in brackets is not valid."),
    ),
    (
        r"The message is too long \((.*) characters; WhatsApp through Jaga takes (.*) at most, "
        r"fewer with emoji or non-Latin letters\)\. Split it in two\.",
        tr_noop(
            "The message is too long (%1 characters; WhatsApp through Jaga takes %2 at most, "
            "fewer with emoji or non-Latin letters). Split it in two."
        ),
    ),
    (
        r"The message contains characters that cannot be sent; type it again\.",
        tr_noop("The message contains characters that cannot be sent; type it again."),
    ),
    (r"That number no longer exists\.", tr_noop("That number no longer exists.")),
    (
        r"The disk is full, so Jaga could not save\. Free some space; nothing saved before is "
        r"lost\.",
        tr_noop(
            "The disk is full, so Jaga could not save. Free some space; nothing saved before "
            "is lost."
        ),
    ),
    (
        r"Jaga's database is busy; please try again in a moment\.",
        tr_noop("Jaga's database is busy; please try again in a moment."),
    ),
    (
        r"Jaga cannot write to its database file \(it is read-only\)\. Give your user write "
        r"access to Jaga's data folder, then restart Jaga\.",
        tr_noop(
            "Jaga cannot write to its database file (it is read-only). Give your user write "
            "access to Jaga's data folder, then restart Jaga."
        ),
    ),
    (
        r"Jaga could not write to its database\. See the log for details\.",
        tr_noop("Jaga could not write to its database. See the log for details."),
    ),
    (
        r"A message that arrived could not be saved \(it contains characters Jaga cannot "
        r"store\)\. It was put aside in the event log; the messages after it were saved\.",
        tr_noop(
            "A message that arrived could not be saved (it contains characters Jaga cannot "
            "store). It was put aside in the event log; the messages after it were saved."
        ),
    ),
    (
        r"Jaga could not save incoming messages: (.*)",
        tr_noop("Jaga could not save incoming messages: %1"),
    ),
    (r"“(.*)” is not linked to a phone yet\.", tr_noop("“%1” is not linked to a phone yet.")),
    # app.domain.account_labels: a number's name
    (
        r"Give the number a name, for example “Shop front”\.",
        tr_noop("Give the number a name, for example “Shop front”."),
    ),
    (
        r"A name cannot contain line breaks, tabs or control characters\.",
        tr_noop("A name cannot contain line breaks, tabs or control characters."),
    ),
    (
        r"That name is too long \(100 characters at most\)\.",
        tr_noop("That name is too long (100 characters at most)."),
    ),
    # app.domain.whatsapp_edges.REFUSAL_SENTENCES and the bridge's no-internet sentence
    (
        r"WhatsApp refused this message: the number may not start new chats right now "
        r"\(error (.*)\)\. Jaga does not send it again by itself\.",
        tr_noop(
            "WhatsApp refused this message: the number may not start new chats right now "
            "(error %1). Jaga does not send it again by itself."
        ),
    ),
    (
        r"WhatsApp refused this message: sending to new contacts is locked for a while "
        r"\(error (.*)\)\. Jaga does not send it again by itself\.",
        tr_noop(
            "WhatsApp refused this message: sending to new contacts is locked for a while "
            "(error %1). Jaga does not send it again by itself."
        ),
    ),
    (
        r"WhatsApp rejected this message \(error (.*)\)\. Jaga does not send it again by itself\.",
        tr_noop(
            "WhatsApp rejected this message (error %1). Jaga does not send it again by itself."
        ),
    ),
    (
        r"No internet connection — Jaga reconnects by itself when it is back",
        tr_noop("No internet connection — Jaga reconnects by itself when it is back"),
    ),
    (
        r"The number (.*) is not on WhatsApp; the message was not sent\.",
        tr_noop("The number %1 is not on WhatsApp; the message was not sent."),
    ),
    # the bridge's answers to a request for a pairing code (engines/baileys/pairing.js)
    (
        r"WhatsApp refused to link by code \(error (.*): (.*)\)\. Link by scanning the QR code "
        r"instead\.",
        tr_noop(
            "WhatsApp refused to link by code (error %1: %2). Link by scanning the QR code instead."
        ),
    ),
    (
        r"WhatsApp did not answer the request for a pairing code\. Try again, or scan the QR "
        r"code\.",
        tr_noop(
            "WhatsApp did not answer the request for a pairing code. Try again, or scan the QR "
            "code."
        ),
    ),
]


def error_words(error: Exception) -> str:
    """A refusal's sentence in the owner's language (as it came, when it is not a known one)."""
    sentence = str(error)
    for pattern, words in (*_ERROR_SENTENCES, *MEDIA_SENTENCES, *KEEPER_SENTENCES):
        match = re.fullmatch(pattern, sentence, flags=re.DOTALL)
        if match:
            text = tr(words)
            for number, value in enumerate(match.groups(), start=1):
                text = text.replace(f"%{number}", value or "")  # an optional part
            return text
    return sentence
