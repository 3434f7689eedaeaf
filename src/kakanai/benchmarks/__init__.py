"""`kakanai bench ...`: each benchmark prints its figures; targets are read, never asserted."""
