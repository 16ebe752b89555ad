"""``python -m pbi``: the command; a SIGINT while it starts is one line and exit 130, as later."""

try:
    from pbi.cli import run
except KeyboardInterrupt:  # pragma: no cover - timing: the signal came while the modules were imported
    import os
    import sys

    sys.stderr.write("pbi: interrupted\n")
    sys.stderr.flush()
    os._exit(130)

run()
