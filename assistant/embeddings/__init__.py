"""Sentence embeddings computed offline, on the CPU."""
