"""``python -m handoff.cli``: the same as the ``handoff`` command."""

from handoff.cli import main

if __name__ == "__main__":
    main()
