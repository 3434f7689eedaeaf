"""The content shipped with kakanai (question trees, form templates with their backgrounds
and samples, the reference case). Empty in a source checkout: building the wheel copies the
checkout's ``questionnaires/`` and ``forms_templates/`` here (packaging/wheel_content.py)."""
