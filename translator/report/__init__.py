"""Output formats: what a command prints or writes about its results."""
