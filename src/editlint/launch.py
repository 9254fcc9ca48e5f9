"""The ``editlint`` command's entry point: a ``check`` goes to a running daemon when one takes
it (``editlint.daemon``); everything else, and a check no daemon takes, to ``editlint.cli``.

It imports only the daemon client, so a check a daemon answers pays for neither the argument
parser nor the engine. A check that runs here starts with the cycle collector off until its
rules are built (``engine.gc_tuning``): its start-up builds what lives for the whole run; and
it asks git for the work tree's status at once, in the background (``gitcommand.EarlyStatus``,
unless ``--no-cache``: only the content store reads it), so that git walks the work tree while
editlint imports its code and builds its rules.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    early_status = None
    if next((word for word in argv if not word.startswith("-")), None) == "check":
        from editlint.daemon.client import forward

        answer = forward(argv)
        if answer is not None:
            return answer.emit()
        from editlint.engine.gc_tuning import starting_up

        starting_up()
        if "--no-cache" not in argv:
            from pathlib import Path

            from editlint.gitcommand import EarlyStatus

            early_status = EarlyStatus(Path.cwd())
    from editlint.cli import main as cli_main

    try:
        return cli_main(argv, ask_daemon=False, early_status=early_status)
    finally:
        if early_status is not None:
            early_status.close()


if __name__ == "__main__":
    sys.exit(main())
