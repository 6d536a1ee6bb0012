#!/usr/bin/env bash
# Talk to the bundled bot on your machine with one command: installs what is missing (our
# venv, Rasa 3.6.21 in its own Python 3.10 venv), trains the model if needed, then starts a
# signature-checking payload receiver (:8765), our action server (:5055) and Rasa (:5005).
# Ctrl-C stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

if [[ ! -x .venv/bin/python ]]; then
    python3 -m venv .venv
fi
.venv/bin/pip install -q -e '.[server]'

if [[ ! -f .venv-rasa/.installed-3.6.21 ]]; then
    python310=$(command -v python3.10 || true)
    if [[ -z "$python310" ]] || ! "$python310" --version >/dev/null 2>&1; then
        python310=$(ls -d "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10.*/bin/python 2>/dev/null | sort -V | tail -n 1)
    fi
    [[ -n "$python310" ]] || { echo "Rasa 3.6 needs Python 3.10; install it (e.g. pyenv install 3.10)" >&2; exit 1; }
    rm -rf .venv-rasa
    "$python310" -m venv .venv-rasa
    .venv-rasa/bin/pip install -q rasa==3.6.21 -c rasa_project/constraints.txt
    touch .venv-rasa/.installed-3.6.21
fi

export RASA_TELEMETRY_ENABLED=false
export RASA_CACHE_DIRECTORY="$root/.e2e/rasa-cache"   # keep Rasa's cache out of the repo
model="$root/.e2e/models/local.tar.gz"
if [[ ! -f "$model" ]] || [[ -n "$(find rasa_project -name '*.yml' -newer "$model")" ]]; then
    (cd rasa_project && "$root/.venv-rasa/bin/rasa" train --fixed-model-name local --out "$root/.e2e/models")
fi

# Secrets for this run only (set your own in the environment to keep them across runs).
new_secret() { .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))'; }
secret=${HANDOFF_WEBHOOK_SECRET:-$(new_secret)}
export HANDOFF_ACTION_TOKEN=${HANDOFF_ACTION_TOKEN:-$(new_secret)}   # Rasa's endpoints.yml sends it
token=${HANDOFF_RECEIVER_TOKEN:-$(new_secret)}   # lists what the receiver stored
state_secret=${HANDOFF_STATE_SECRET:-$(new_secret)}   # signs the routing state slot
jwt_secret=${HANDOFF_RASA_JWT_SECRET:-$(new_secret)}  # Rasa's HTTP API (hand-back) needs it
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait' EXIT INT TERM
HANDOFF_RECEIVER_SECRET=$secret HANDOFF_RECEIVER_TOKEN=$token \
    .venv/bin/python -m handoff.delivery.receiver --port 8765 \
    --db "$root/.e2e/received.sqlite" & pids+=($!)
HANDOFF_RULES=${HANDOFF_RULES:-rules/banking.yaml} \
HANDOFF_STATE_SECRET=$state_secret \
HANDOFF_OUTBOX_URL=sqlite:///$root/.e2e/outbox.sqlite HANDOFF_PORT=5055 \
HANDOFF_WEBHOOK_URL=http://127.0.0.1:8765/payloads HANDOFF_WEBHOOK_SECRET=$secret \
    .venv/bin/handoff-actions & pids+=($!)
(cd rasa_project && HANDOFF_ACTION_PORT=5055 "$root/.venv-rasa/bin/rasa" run --enable-api --jwt-secret "$jwt_secret" --jwt-method HS256 \
    -m "$model" --port 5005) & pids+=($!)

cat <<TALK

Starting. When Rasa says it is up, talk to the bot:
  curl -s localhost:5005/webhooks/rest/webhook -d '{"sender": "me", "message": "I want a human"}'
Payloads delivered to the agent's side:   curl -s -H "Authorization: Bearer $token" localhost:8765/payloads
Hand back to the bot:   .venv/bin/python -c "from handoff.adapters.rasa import hand_back; hand_back('http://127.0.0.1:5005', 'me', 'all sorted', state_secret=b'$state_secret', jwt_secret='$jwt_secret')"
TALK
wait
