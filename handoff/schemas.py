"""Write the published JSON Schemas: rules/schema.json (rules files) and
rules/payload.schema.json (context payloads). ``python -m handoff.schemas [FOLDER]``."""

from __future__ import annotations

import sys
from pathlib import Path

from handoff.payload import payload_json_schema_text
from handoff.rules.schema import rules_json_schema_text

__all__ = ["SCHEMA_FILES", "main"]

SCHEMA_FILES = {
    "schema.json": rules_json_schema_text,
    "payload.schema.json": payload_json_schema_text,
}


def main(argv: list[str] | None = None) -> int:
    """Regenerate the schema files in FOLDER (default: rules/)."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "rules")
    folder.mkdir(parents=True, exist_ok=True)
    for name, render in SCHEMA_FILES.items():
        (folder / name).write_text(render(), encoding="utf-8")
        print(f"wrote {folder / name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
