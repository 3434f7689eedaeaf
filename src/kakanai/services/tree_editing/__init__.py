"""The supervisor's editor (監修モード) without Qt: the draft and its files, the outline and
the forms' fields as edits of the YAML text, diagnostics located in a condition, completion,
the preview's explanations and the draft's scenarios."""
