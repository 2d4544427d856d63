"""What each face may call: one narrow Protocol per face."""
