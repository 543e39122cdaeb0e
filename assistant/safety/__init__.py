"""Noticing distress and crisis: levels, patterns, the detector, resources and safety events.

Nothing here knows about Rasa; `components/distress_detector.py` runs the detector
in the NLU pipeline and `safety/event_broker.py` records safety events.
"""
