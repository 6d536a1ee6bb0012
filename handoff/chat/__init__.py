"""The customer chat page: a small web chat between the customer's browser and Rasa's
callback channel, showing the bot's, the agent's and the desktop's lines live (``pip install
'handoff-router[desktop]'``; run it with ``handoff chat serve``).

::

    from handoff.chat import ChatStore, create_app

    chat_store = ChatStore("sqlite:///desktop.sqlite")     # the desktop's database
    app = create_app(chat_store, rasa_url="http://127.0.0.1:5005",
                     session_secret=SECRET, callback_tokens=[TOKEN])

The lines live in the desktop's ``desktop_messages`` table, each kind with one writer: this
server writes the bot's (what Rasa's callback channel posts to ``/rasa/callback``) and the
page's heartbeat (``desktop_presence``). This is an edge (layer 5) above the desktop, whose
store it shares; nothing in the engine imports it.
"""

from __future__ import annotations

from handoff.chat.app import CALLBACK_PATH, MAX_MESSAGE_CHARS, RateLimit, create_app
from handoff.chat.store import ChatStore, Line

__all__ = [
    "CALLBACK_PATH",
    "MAX_MESSAGE_CHARS",
    "ChatStore",
    "Line",
    "RateLimit",
    "create_app",
]
