"""The clean stage: YAML rules, their matchers, and the cleaner that applies them."""
