"""The form-template editor (様式), a tab of the supervisor's mode: ``TemplateEditor``."""
