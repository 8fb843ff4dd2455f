"""The one exception type the command line turns into a one-line message and exit 2."""


class TranslatorError(Exception):
    """Bad input or configuration: the message names the file or field and what to do."""
