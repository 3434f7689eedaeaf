"""The supervisor's use cases (監修): signing in, users and roles, publishing and withdrawing
question-tree versions, and moving them to and from files."""
