"""The palliative care assistant: channels, NLU components, directory, safety, stores."""
