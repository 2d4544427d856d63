"""The inbox's windows and hooks (issue #28): the conversations of every number, search,
quick replies in the reply box, labels, opening hours and away message, message notices."""
