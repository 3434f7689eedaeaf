"""Form templates: the model, reading, bindings, checks and layout into drawing instructions."""
