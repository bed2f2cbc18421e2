"""brief: turn a library of sources into policy memos (PDF, DOCX, HTML) for several audiences."""

__version__ = "0.1.0"
