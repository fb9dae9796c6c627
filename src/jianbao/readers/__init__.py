"""Readers turn an input (text file, PDF, page image) into pages of lines."""
