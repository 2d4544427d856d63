"""The webhook events Jaga sends, by WAHA's names (docs/api.md, Webhooks)."""

#: The label events (WhatsApp Business labels, issue #28).
LABEL_EVENTS = ("label.upsert", "label.deleted", "label.chat.added", "label.chat.deleted")
#: WAHA's event names that Jaga sends.
EVENTS = ("message", "message.ack", "session.status", "message.failed", *LABEL_EVENTS)
#: The owner's test button in the webhooks dialog: sent once, never stored.
PING = "jaga.ping"
