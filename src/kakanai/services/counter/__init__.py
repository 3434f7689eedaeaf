"""The counter's interview as a use case, and what its screens show, without Qt."""
