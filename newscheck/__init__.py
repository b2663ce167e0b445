"""newscheck: article summarizer and figure fact-checker."""

__version__ = "0.1.0"
