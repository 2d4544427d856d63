"""One inbox for every number (issue #28): the port the window and the API call, the write
hook that keeps unread counts, labels and automatic answers in the store's transactions,
label sync with WhatsApp Business, and read receipts."""
