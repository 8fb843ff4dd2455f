"""Grammar and style checks with LanguageTool."""
