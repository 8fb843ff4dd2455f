"""The translate stage: glossaries, translation memory, model packages, engines, sessions."""
