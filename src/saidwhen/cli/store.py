"""Commands of saidwhen (store)."""
