"""Phrase tables of the languages other than English, by what they hold.

Each module appends to the tables of :mod:`handoff.signals.routing_languages` (the cues a
message is read for) or :mod:`handoff.signals.stories` (the concepts a story is read from) when
that module is imported, in an order those modules fix (the tables are order-sensitive). This
package imports none of them itself.

* :mod:`~handoff.signals.languages.request_fillers`: request fillers ("talk to SOME
  employee", "my PERSONAL adviser") and a repeat counted by ordinal ("a second time"),
  European tables;
* :mod:`~handoff.signals.languages.european_concepts`: one concept inventory in the European
  tables (going to the press, payments disowned, money gone, a death told verb first), the
  Danish, Norwegian and Swedish tables, and someone "supposedly" from the bank (stories);
* :mod:`~handoff.signals.languages.asian_african_concepts`: one concept inventory in the Asian
  and African tables (staff nouns, posing as the police, the safe account, economic abuse,
  bereavement);
* :mod:`~handoff.signals.languages.forms`: the form generator (:data:`FORMS`: word classes
  and word orders per language), concepts a table lacked (:data:`FILLS`), and the Bengali
  relative-from-a-new-number story;
* :mod:`~handoff.signals.languages.identity_theft_mule`: identity theft (credit in my name)
  and the money-mule job, story concepts;
* :mod:`~handoff.signals.languages.european_stories`: the European story slots (a relative
  impersonated, a police courier, a rental that vanished, a spouse lost, money kept by a
  partner).
"""
