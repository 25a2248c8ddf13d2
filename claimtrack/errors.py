"""The one base of the errors a user can act on: their message is a single line that says what
is wrong and how to fix it. The command line prints it and exits non-zero; a notebook catches it."""


class ClaimtrackError(Exception):
    """An error whose message is meant for the user, not a traceback."""
