"""deck: compile an argument written as a YAML outline into a designed PowerPoint deck."""

__version__ = "0.1.0"
