"""A corporate template (.pptx or .potx) read as plain data, and the layout each slide kind uses."""
