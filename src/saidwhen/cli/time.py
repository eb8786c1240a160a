"""Commands of saidwhen (time)."""
