"""The supervisor's mode (監修): edit a question tree with forms and its YAML side by side,
check it as it is typed, preview it in the counter's wizard, run its scenarios and export
its review (決裁) document."""
