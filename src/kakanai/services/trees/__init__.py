"""Use cases over question trees: `kakanai check`, running interviews from files."""
