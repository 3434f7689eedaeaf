"""Question trees: the model, reading, checks, evaluation, the interview and its case."""
