"""Custom actions for the Rasa action server (`rasa run actions`)."""
