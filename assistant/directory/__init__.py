"""The provider directory: places, storage, search and CSV import.

Nothing here knows about Rasa; the actions in `actions/directory_search.py`
and the NLU component in `components/place_extractor.py` use it.
"""
