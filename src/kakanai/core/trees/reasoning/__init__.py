"""Reasoning over a question tree's conditions: decision diagrams over finite answer domains
instead of enumerating interview paths."""
