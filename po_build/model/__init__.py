"""The data the stages pass on: problems, the validated records, the vocabulary, and the
one slug function. No I/O and no rules: the rules are in `check`."""
