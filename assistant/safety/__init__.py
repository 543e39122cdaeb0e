"""Noticing distress and crisis: levels, patterns, the decision, and safety events.

Only the event broker knows about Rasa; `components/risk_assessor.py` runs the
patterns and the decision in the NLU pipeline, and `safety/event_broker.py` records
safety events.
"""
