"""Editing a form template without Qt (the 様式 tab of the supervisor's mode): its fields and
their boxes, the case fields they can read, in-place YAML edits with named undo steps, the
checks of ``kakanai check`` and a preview filled with sample data."""
