"""Parse messages with the trained bot's NLU, offline (no Rasa server), into JSON lines.

    .venv/bin/python rasa_project/scripts/parse_messages.py \\
        --evalset tests/data/routing_eval/banking.yaml --out tests/data/routing_eval/nlu/banking.jsonl
    .venv/bin/python rasa_project/scripts/parse_messages.py --texts messages.txt   # one a line

Every customer message of an evaluation set (or every line of a text file), once each in
order of first appearance, is parsed by the model that ``prepare_rasa.py`` trains for the
current training data (``.e2e/models/handoff-<fingerprint>.tar.gz``; ``--model`` picks
another). Output (``--out``, else stdout): a header line

    {"header": {"fingerprint": ..., "model": ..., "rasa_version": ..., "messages": N}}

then one line per message, as Rasa records it in a tracker's user event (``parse_data``):

    {"text": ..., "intent": {"name": ..., "confidence": ...}, "intent_ranking": [...], "entities": [...]}

``intent_ranking`` is Rasa's whole ranking (DIET's top 10, plus ``nlu_fallback`` when the
FallbackClassifier fired). The header's fingerprint is prepare_rasa.py's fingerprint of what
training reads, so a test can tell when the parses are stale (tests/test_evaluation.py).

Run with the project's ``.venv`` python: it installs Rasa and trains the bot if needed
(prepare_rasa.py), then runs itself again with ``.venv-rasa``'s python, which has Rasa.
The output is deterministic: the same model gives the same file.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import prepare_rasa  # noqa: E402  (stdlib only; sits beside this script)

ROOT = prepare_rasa.ROOT


def _texts(args: argparse.Namespace) -> list[str]:
    texts: list[str] = []
    if args.evalset:
        import yaml  # noqa: PLC0415  (Rasa's venv and ours both have PyYAML)

        data = yaml.safe_load(Path(args.evalset).read_text(encoding="utf-8"))
        for conversation in data["conversations"]:
            texts.extend(conversation["customer"])
    if args.texts:
        texts.extend(
            line for line in Path(args.texts).read_text(encoding="utf-8").splitlines() if line
        )
    return list(dict.fromkeys(texts))


def _plain(value: Any) -> Any:
    """JSON-ready: numpy numbers become floats (Rasa 3.6 mostly returns plain types)."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "item") and not isinstance(value, str | bytes):
        return value.item()
    return value


async def _parse_all(model: Path, texts: list[str]) -> list[dict[str, Any]]:
    from rasa.core.agent import Agent  # noqa: PLC0415  (only in .venv-rasa)

    agent = Agent.load(str(model))
    out = []
    for text in texts:
        parsed = await agent.parse_message(text)
        out.append(
            {
                "text": text,
                "intent": _plain(parsed.get("intent")),
                "intent_ranking": _plain(parsed.get("intent_ranking") or []),
                "entities": _plain(parsed.get("entities") or []),
            }
        )
    return out


def _in_rasa(args: argparse.Namespace) -> int:
    import rasa  # noqa: PLC0415

    fingerprint = prepare_rasa.fingerprint()
    model = (
        Path(args.model)
        if args.model
        else ROOT / ".e2e" / "models" / f"handoff-{fingerprint}.tar.gz"
    )
    if not model.exists():
        print(f"no model {model}; run .venv/bin/python rasa_project/scripts/prepare_rasa.py",
              file=sys.stderr)  # fmt: skip
        return 1
    texts = _texts(args)
    if not texts:
        print("no messages to parse (give --evalset or --texts)", file=sys.stderr)
        return 1
    parses = asyncio.run(_parse_all(model, texts))
    header = {
        "fingerprint": fingerprint if not args.model else None,
        "model": model.name,
        "rasa_version": rasa.__version__,
        "messages": len(parses),
        "regenerate": "see rasa_project/scripts/parse_messages.py",
    }
    lines = [json.dumps({"header": header}, ensure_ascii=False)]
    lines += [json.dumps(p, ensure_ascii=False) for p in parses]
    text = "\n".join(lines) + "\n"
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)  # a new set has no nlu/ yet
        Path(args.out).write_text(text, encoding="utf-8")
        print(f"wrote {len(parses)} parses to {args.out} (model {model.name})", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--evalset", help="an evaluation set (YAML): parse its customer messages")
    parser.add_argument("--texts", help="a UTF-8 text file: parse each non-empty line")
    parser.add_argument("--model", help="a trained model (default: the current training data's)")
    parser.add_argument("--out", help="write the JSON lines here (default: stdout)")
    args = parser.parse_args()
    try:
        import rasa  # noqa: F401, PLC0415
    except ImportError:
        # Our venv: install Rasa and train if needed, then run again under Rasa's python.
        prepare = subprocess.run([sys.executable, str(prepare_rasa.__file__)], cwd=ROOT,
                                 stdout=subprocess.DEVNULL, check=False)  # fmt: skip
        if prepare.returncode != 0:
            return prepare.returncode
        python = prepare_rasa.VENV / "bin" / "python"
        env = prepare_rasa.rasa_env() | {"TF_CPP_MIN_LOG_LEVEL": "3"}
        argv = [str(python), str(Path(__file__).resolve()), *sys.argv[1:]]
        os.execve(str(python), argv, env)
    logging.disable(logging.WARNING)
    import structlog  # noqa: PLC0415  (Rasa 3.6 logs each parse, text and all, through it)

    structlog.configure(wrapper_class=structlog.make_filtering_bound_logger(logging.WARNING))
    return _in_rasa(args)


if __name__ == "__main__":
    sys.exit(main())
