"""A number's chats: conversations, messages as bubbles, the reply box, files."""
