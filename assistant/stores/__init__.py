"""Where conversations and their locks are kept, chosen by environment variables."""
