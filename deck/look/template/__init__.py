"""A corporate template (.pptx or .potx) read as plain data, and the layout each slide kind uses.

load checks the file, read turns it into the data of model (with colours resolving what its
masters show), roles picks a layout per slide kind, theme derives the theme the deck is built in.
"""
