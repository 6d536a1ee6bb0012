"""Edges to other systems: the Rasa action server adapter (``handoff-router[rasa]``)."""
