#!/usr/bin/env bash
# Talk to the bundled bot on your machine with one command: installs what is missing (our
# venv, Rasa 3.6.21 in its own Python 3.10 venv), trains the model unless the tests or an
# earlier run already trained it, then starts the agent desktop (with the relay), our action
# server, Rasa and the customer chat page, all on 127.0.0.1, and prints the two URLs: the
# customer's page and the agent desktop (with an admin and an agent login). Ctrl-C stops all.
#
#   rasa_project/run_local.sh           start, print the chat page's and the desktop's URLs
#                                       and logins, run until Ctrl-C
#   rasa_project/run_local.sh --check   start; on the chat page ask for a person; check the
#                                       desktop's queue, a relay round trip (customer <->
#                                       agent) and a hand-back; stop; exit 0 if it worked
#
# Ports (defaults): HANDOFF_LOCAL_RASA_PORT (5005), HANDOFF_LOCAL_ACTION_PORT (5055),
# HANDOFF_LOCAL_DESKTOP_PORT (8700), HANDOFF_LOCAL_CHAT_PORT (8800). Logs and databases:
# HANDOFF_LOCAL_DIR (.e2e/local, or .e2e/local-check for --check), new each run. Secrets and
# passwords are new for each run unless set (HANDOFF_LOCAL_DESKTOP_PASSWORD: both logins').
set -euo pipefail
usage() { sed -n '8,18s/^# \{0,1\}//p' "$0"; }
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
desktop_port=${HANDOFF_LOCAL_DESKTOP_PORT:-8700}
chat_port=${HANDOFF_LOCAL_CHAT_PORT:-8800}
if [[ $mode == check ]]; then default_dir=.e2e/local-check; else default_dir=.e2e/local; fi
dir=${HANDOFF_LOCAL_DIR:-$root/$default_dir}
[[ $dir = /* ]] || dir=$root/$dir
show() { local p=$1; [[ $p == "$root"/* ]] && p=${p#"$root"/}; printf '%s' "$p"; }

if [[ ! -x .venv/bin/python ]]; then
    echo "creating .venv and installing handoff-router[server] (first run only)"
    python3 -m venv .venv
fi
# The action server and the desktop (Starlette, uvicorn, Alembic, argon2...): installed once.
if [[ ! -x .venv/bin/handoff-actions ]] || ! .venv/bin/python -c 'import handoff.desktop.app' 2>/dev/null; then
    echo "installing handoff-router[server,desktop] into .venv"
    .venv/bin/pip install -q -e '.[server,desktop]'
fi

# Refuse early, and clearly, if a port is taken (another run_local.sh, a Rasa you started...).
for spec in "HANDOFF_LOCAL_RASA_PORT $rasa_port" "HANDOFF_LOCAL_ACTION_PORT $action_port" \
            "HANDOFF_LOCAL_DESKTOP_PORT $desktop_port" "HANDOFF_LOCAL_CHAT_PORT $chat_port"; do
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
# Rasa keeps conversations in memory (endpoints.yml) and forgets them when it stops, so the
# desktop and the outbox start empty each run too: the desktop could not hand an old one
# back, and an outbox that remembers a delivered turn would not deliver the same turn of a
# new conversation with the same sender id (its idempotency key) to the new desktop.
rm -f "$dir"/desktop.sqlite* "$dir"/outbox.sqlite* "$dir"/rasa-events.sqlite*
# Secrets for this run only (set your own in the environment to keep them across runs).
new_secret() { .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(32))'; }
secret=${HANDOFF_WEBHOOK_SECRET:-$(new_secret)}
action_token=${HANDOFF_ACTION_TOKEN:-$(new_secret)}   # Rasa's endpoints.yml sends it
state_secret=${HANDOFF_STATE_SECRET:-$(new_secret)}   # signs the routing state slot
pseudonym_key=${HANDOFF_PSEUDONYM_KEY:-$(new_secret)}   # keys the ids in payloads
jwt_secret=${HANDOFF_RASA_JWT_SECRET:-$(new_secret)}  # Rasa's HTTP API (hand-back) needs it
chat_secret=${HANDOFF_CHAT_SECRET:-$(new_secret)}      # signs the chat page's session cookies
callback_token=${HANDOFF_CHAT_CALLBACK_TOKEN:-$(new_secret)}  # Rasa's callback channel sends it
rules=${HANDOFF_RULES:-rules/banking.yaml}
# Passwords of the desktop's logins (given to the commands in their environment, never as
# arguments, so `ps` does not show them).
# 16 random characters: typed by a person into a login form on 127.0.0.1.
new_password() { .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(12))'; }
admin_password=${HANDOFF_LOCAL_DESKTOP_PASSWORD:-$(new_password)}
agent_password=${HANDOFF_LOCAL_DESKTOP_PASSWORD:-$(new_password)}
desktop_db=sqlite:///$dir/desktop.sqlite
# Rasa's SQL event broker (endpoints.yml): the desktop's relay tails it for the customers'
# messages while a person has the conversation.
rasa_events=$dir/rasa-events.sqlite

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
# Appended to (create-admin below writes to it too), so emptied first.
: >"$dir/desktop.log"
# The desktop verifies the action server's signed deliveries (the same secret) and hands
# conversations back through Rasa's HTTP API (its JWT secret; the state secret signs the
# routing state it writes, as the action server's does).
HANDOFF_DESKTOP_WEBHOOK_SECRET=$secret HANDOFF_DESKTOP_RASA_URL=http://127.0.0.1:$rasa_port \
HANDOFF_RASA_JWT_SECRET=$jwt_secret HANDOFF_STATE_SECRET=$state_secret \
HANDOFF_PSEUDONYM_KEY=$pseudonym_key HANDOFF_DESKTOP_RASA_EVENTS=$rasa_events \
    .venv/bin/handoff desktop serve --upgrade --rules "$rules" --db "$desktop_db" \
    --host 127.0.0.1 --port "$desktop_port" --insecure-cookies >>"$dir/desktop.log" 2>&1 & pids+=($!)
desktop_pid=$!
HANDOFF_RULES=$rules HANDOFF_STATE_SECRET=$state_secret HANDOFF_ACTION_TOKEN=$action_token \
HANDOFF_PSEUDONYM_KEY=$pseudonym_key \
HANDOFF_OUTBOX_URL=sqlite:///$dir/outbox.sqlite HANDOFF_PORT=$action_port \
HANDOFF_WEBHOOK_URL=http://127.0.0.1:$desktop_port/webhook/payloads HANDOFF_WEBHOOK_SECRET=$secret \
    .venv/bin/handoff-actions >"$dir/actions.log" 2>&1 & pids+=($!)
actions_pid=$!
# endpoints.yml reads HANDOFF_ACTION_PORT, HANDOFF_ACTION_TOKEN and HANDOFF_RASA_EVENTS_DB;
# credentials.yml's callback channel HANDOFF_CHAT_CALLBACK_URL and HANDOFF_CHAT_CALLBACK_TOKEN.
# Rasa runs in the same environment as training (no telemetry, cache in .e2e) and its log
# drops the same known third-party deprecation warnings (see prepare_rasa.py).
: >"$dir/rasa.log"
rasa_exports=$(.venv/bin/python rasa_project/scripts/prepare_rasa.py --env)
(cd rasa_project && eval "$rasa_exports" && HANDOFF_ACTION_PORT=$action_port \
    HANDOFF_CHAT_CALLBACK_URL=http://127.0.0.1:$chat_port/rasa/callback \
    HANDOFF_CHAT_CALLBACK_TOKEN=$callback_token \
    HANDOFF_ACTION_TOKEN=$action_token HANDOFF_RASA_EVENTS_DB=$rasa_events exec "$root/.venv-rasa/bin/rasa" run --enable-api \
    --jwt-secret="$jwt_secret" --jwt-method HS256 -i 127.0.0.1 --port "$rasa_port" \
    -m "$model" --endpoints "$root/rasa_project/endpoints.yml" \
    --credentials "$root/rasa_project/credentials.yml") \
    > >(.venv/bin/python rasa_project/scripts/prepare_rasa.py --quiet-log "$dir/rasa.log") 2>&1 &
pids+=($!)
rasa_pid=$!

echo "starting the desktop, the action server, Rasa and the chat page (logs: $(show "$dir")/*.log)"
wait_for() { .venv/bin/python rasa_project/scripts/local_stack.py wait "$@"; }
wait_for "the desktop" "http://127.0.0.1:$desktop_port/health" $desktop_pid "$dir/desktop.log" 60
# Your logins: the desktop has synced the rule set's lanes by now; the admin adds an agent
# who works every lane (an agent sees only their lanes: this one sees all of them).
HANDOFF_DESKTOP_ADMIN_PASSWORD=$admin_password \
    .venv/bin/handoff desktop create-admin admin --db "$desktop_db" >>"$dir/desktop.log" 2>&1 \
    || { echo "creating the desktop's admin failed; the end of $(show "$dir")/desktop.log:" >&2
         tail -n 20 "$dir/desktop.log" >&2; exit 1; }
HANDOFF_DESKTOP_ADMIN_PASSWORD=$admin_password HANDOFF_LOCAL_AGENT_PASSWORD=$agent_password \
    .venv/bin/python rasa_project/scripts/local_stack.py agent "$desktop_db" agent
# The customer chat page: it shares the desktop's database (migrated by now) and talks to
# Rasa's callback channel, which posts the bot's answers back to it with the token.
HANDOFF_CHAT_SECRET=$chat_secret HANDOFF_CHAT_CALLBACK_TOKEN=$callback_token \
    .venv/bin/handoff chat serve --db "$desktop_db" --rasa-url "http://127.0.0.1:$rasa_port" \
    --host 127.0.0.1 --port "$chat_port" --insecure-cookies >"$dir/chat.log" 2>&1 & pids+=($!)
chat_pid=$!
wait_for "the chat page" "http://127.0.0.1:$chat_port/health" $chat_pid "$dir/chat.log" 60
wait_for "the action server" "http://127.0.0.1:$action_port/health" $actions_pid "$dir/actions.log" 60
# GET / answers once Rasa has loaded the model and opened its port.
wait_for "Rasa" "http://127.0.0.1:$rasa_port/" $rasa_pid "$dir/rasa.log" 300

if [[ $mode == check ]]; then
    status=0
    HANDOFF_LOCAL_AGENT_PASSWORD=$agent_password .venv/bin/python \
        rasa_project/scripts/local_stack.py check "http://127.0.0.1:$rasa_port" \
        "http://127.0.0.1:$desktop_port" "http://127.0.0.1:$chat_port" "$rules" \
        "$dir/desktop.log" "$dir/actions.log" "$dir/rasa.log" "$dir/chat.log" || status=$?
    echo "  logs: $(show "$dir")/{desktop,actions,rasa,chat}.log; stopping"
    exit $status
fi

if [[ -n ${HANDOFF_LOCAL_DESKTOP_PASSWORD:-} ]]; then
    shown_agent='(your HANDOFF_LOCAL_DESKTOP_PASSWORD)'; shown_admin=$shown_agent
else
    shown_agent=$agent_password; shown_admin=$admin_password   # new for this run
fi
cat <<TALK

Everything is up. Two browser windows:
  the customer: http://127.0.0.1:$chat_port/   chat with the bot; ask for a person
  the agent:    http://127.0.0.1:$desktop_port/   sign in as
    agent, password $shown_agent: works every lane. Open the conversation, Claim it, reply
      (the customer sees it), then Hand back with a note, and the bot answers again.
    admin, password $shown_admin: adds users and lanes, reads the audit log.
Logs: $(show "$dir")/{desktop,actions,rasa,chat}.log    Ctrl-C stops them all.
TALK
wait
