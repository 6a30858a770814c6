"""Topline: a self-hosted engine that adds sung vocals to an instrumental."""

__version__ = "0.1.0"
