"""Custom actions for the Rasa action server (`rasa run actions`).

The action server imports this package when it starts; the place gazetteer is built
here, then, so that the first directory search does not wait for it (about 4 s).
"""

from assistant.directory.places import gazetteer

gazetteer()
