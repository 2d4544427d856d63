"""One inbox for every number: unread, labels, quick replies, hours, search, notices. Pure."""
