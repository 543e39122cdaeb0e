"""The website chat widget and a demo page that serves it (`python -m assistant.webchat`)."""
