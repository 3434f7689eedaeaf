"""`kakanai doctor`: checks a desk's installation and says, in Japanese, what is missing and
how to fix it (findings.py: the shape of a finding; checks.py: each check; diagnosis.py:
running them all)."""
