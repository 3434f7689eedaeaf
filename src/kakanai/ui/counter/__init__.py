"""The counter mode's screens."""
