"""Side-by-side review of changes: the model, the terminal view and the HTML page."""

from .html import html_page, index_page
from .model import Review, clean_review, text_review, translation_review, with_qa, word_diff
from .terminal import print_side_by_side

__all__ = ["Review", "clean_review", "html_page", "index_page", "print_side_by_side", "text_review",
           "translation_review", "with_qa", "word_diff"]
