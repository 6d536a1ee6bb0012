"""Outcomes of handoffs: what happened after the router's decision, and the KPIs over it."""
