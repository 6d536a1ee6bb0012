#!/usr/bin/env bash
# Talk to the bundled bot on your machine with one command: installs what is missing (our
# venv, Rasa 3.6.21 in its own Python 3.10 venv), trains the model unless the tests or an
# earlier run already trained it for the same data, then starts a signature-checking payload
# receiver, our action server and Rasa, all on 127.0.0.1. Ctrl-C stops all three.
#
#   rasa_project/run_local.sh           start, print how to talk to the bot, run until Ctrl-C
#   rasa_project/run_local.sh --check   start, send one message that must reach a person,
#                                       check the answer and the stored payload, stop; exit 0
#                                       if it worked, 1 otherwise
#
# Ports (defaults): HANDOFF_LOCAL_RASA_PORT (5005), HANDOFF_LOCAL_ACTION_PORT (5055),
# HANDOFF_LOCAL_RECEIVER_PORT (8765). Logs and databases: HANDOFF_LOCAL_DIR (.e2e/local, or
# .e2e/local-check for --check, emptied first). Secrets are new for each run unless set.
set -euo pipefail
usage() { sed -n '7,15s/^# \{0,1\}//p' "$0"; }
mode=talk
case "${1:-}" in
    "") ;;
    --check) mode=check ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
root=$PWD
rasa_port=${HANDOFF_LOCAL_RASA_PORT:-5005}
action_port=${HANDOFF_LOCAL_ACTION_PORT:-5055}
receiver_port=${HANDOFF_LOCAL_RECEIVER_PORT:-8765}
if [[ $mode == check ]]; then default_dir=.e2e/local-check; else default_dir=.e2e/local; fi
dir=${HANDOFF_LOCAL_DIR:-$root/$default_dir}
[[ $dir = /* ]] || dir=$root/$dir
show() { local p=$1; [[ $p == "$root"/* ]] && p=${p#"$root"/}; printf '%s' "$p"; }

if [[ ! -x .venv/bin/python ]]; then
    echo "creating .venv and installing handoff-router[server] (first run only)"
    python3 -m venv .venv
fi
if [[ ! -x .venv/bin/handoff-actions ]]; then
    .venv/bin/pip install -q -e '.[server]'
fi

# Refuse early, and clearly, if a port is taken (another run_local.sh, a Rasa you started...).
for spec in "HANDOFF_LOCAL_RASA_PORT $rasa_port" "HANDOFF_LOCAL_ACTION_PORT $action_port" \
            "HANDOFF_LOCAL_RECEIVER_PORT $receiver_port"; do
    set -- $spec
    if ! .venv/bin/python -c 'import socket, sys
with socket.socket() as s:  # SO_REUSEADDR as the servers: TIME_WAIT is no conflict
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", int(sys.argv[1])))' "$2" 2>/dev/null; then
        echo "port $2 on 127.0.0.1 is in use (another run_local.sh?); free it or set $1" >&2
        exit 1
    fi
done

# Installs Rasa and trains the bot if needed, or says that it reuses them; prints the model.
model=$(.venv/bin/python rasa_project/scripts/prepare_rasa.py)

mkdir -p "$dir"
if [[ $mode == check ]]; then rm -f "$dir"/*.log "$dir"/*.sqlite*; fi
# Secrets for this run only (set your own in the environment to keep them across runs).
new_secret() { .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))'; }
secret=${HANDOFF_WEBHOOK_SECRET:-$(new_secret)}
action_token=${HANDOFF_ACTION_TOKEN:-$(new_secret)}   # Rasa's endpoints.yml sends it
token=${HANDOFF_RECEIVER_TOKEN:-$(new_secret)}   # lists what the receiver stored
state_secret=${HANDOFF_STATE_SECRET:-$(new_secret)}   # signs the routing state slot
pseudonym_key=${HANDOFF_PSEUDONYM_KEY:-$(new_secret)}   # keys the ids in payloads
jwt_secret=${HANDOFF_RASA_JWT_SECRET:-$(new_secret)}  # Rasa's HTTP API (hand-back) needs it
rules=${HANDOFF_RULES:-rules/banking.yaml}

pids=()
stop_all() {
    trap - EXIT INT TERM
    if ((${#pids[@]})); then
        kill "${pids[@]}" 2>/dev/null || true
        wait "${pids[@]}" 2>/dev/null || true
    fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM
# Every process writes to its own log file; the screen keeps only what you need.
HANDOFF_RECEIVER_SECRET=$secret HANDOFF_RECEIVER_TOKEN=$token \
    .venv/bin/python -m handoff.delivery.receiver --port "$receiver_port" \
    --db "$dir/received.sqlite" >"$dir/receiver.log" 2>&1 & pids+=($!)
receiver_pid=$!
HANDOFF_RULES=$rules HANDOFF_STATE_SECRET=$state_secret HANDOFF_ACTION_TOKEN=$action_token \
HANDOFF_PSEUDONYM_KEY=$pseudonym_key \
HANDOFF_OUTBOX_URL=sqlite:///$dir/outbox.sqlite HANDOFF_PORT=$action_port \
HANDOFF_WEBHOOK_URL=http://127.0.0.1:$receiver_port/payloads HANDOFF_WEBHOOK_SECRET=$secret \
    .venv/bin/handoff-actions >"$dir/actions.log" 2>&1 & pids+=($!)
actions_pid=$!
# endpoints.yml reads HANDOFF_ACTION_PORT and HANDOFF_ACTION_TOKEN. Rasa runs in the same
# environment as training (no telemetry, cache in .e2e) and its log drops the same known
# third-party deprecation warnings (see prepare_rasa.py).
: >"$dir/rasa.log"
rasa_exports=$(.venv/bin/python rasa_project/scripts/prepare_rasa.py --env)
(cd rasa_project && eval "$rasa_exports" && HANDOFF_ACTION_PORT=$action_port \
    HANDOFF_ACTION_TOKEN=$action_token exec "$root/.venv-rasa/bin/rasa" run --enable-api \
    --jwt-secret="$jwt_secret" --jwt-method HS256 -i 127.0.0.1 --port "$rasa_port" \
    -m "$model" --endpoints "$root/rasa_project/endpoints.yml" \
    --credentials "$root/rasa_project/credentials.yml") \
    > >(.venv/bin/python rasa_project/scripts/prepare_rasa.py --quiet-log "$dir/rasa.log") 2>&1 &
pids+=($!)
rasa_pid=$!

echo "starting the payload receiver, the action server and Rasa (logs: $(show "$dir")/{receiver,actions,rasa}.log)"
wait_for() { .venv/bin/python rasa_project/scripts/local_stack.py wait "$@"; }
wait_for "the receiver" "http://127.0.0.1:$receiver_port/health" $receiver_pid "$dir/receiver.log" 60
wait_for "the action server" "http://127.0.0.1:$action_port/health" $actions_pid "$dir/actions.log" 60
# GET / answers once Rasa has loaded the model and opened its port.
wait_for "Rasa" "http://127.0.0.1:$rasa_port/" $rasa_pid "$dir/rasa.log" 300

if [[ $mode == check ]]; then
    status=0
    HANDOFF_PSEUDONYM_KEY=$pseudonym_key .venv/bin/python rasa_project/scripts/local_stack.py check "http://127.0.0.1:$rasa_port" \
        "http://127.0.0.1:$receiver_port" "$token" "$rules" \
        "$dir/receiver.log" "$dir/actions.log" "$dir/rasa.log" || status=$?
    echo "  logs: $(show "$dir")/{receiver,actions,rasa}.log; stopping"
    exit $status
fi

cat <<TALK

The bot is up. Talk to it (another terminal, from the repository root):
  curl -s localhost:$rasa_port/webhooks/rest/webhook -d '{"sender": "me", "message": "I want a human"}'
Payloads delivered to the agent's side:
  curl -s -H "Authorization: Bearer $token" localhost:$receiver_port/payloads
Hand back to the bot:
  .venv/bin/python -c "from handoff.adapters.rasa import hand_back; hand_back('http://127.0.0.1:$rasa_port', 'me', 'all sorted', state_secret=b'$state_secret', jwt_secret='$jwt_secret')"
Logs: $(show "$dir")/{receiver,actions,rasa}.log    Ctrl-C stops all three.
TALK
wait
