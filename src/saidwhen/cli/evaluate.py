"""Commands of saidwhen (evaluate)."""
