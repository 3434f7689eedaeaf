"""The desk mode's screens."""
