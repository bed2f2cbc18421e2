"""Ingest: draft a SourceSummary from a raw source (``brief ingest``).

Stages, one module each: :mod:`.readers` (file -> raw text and any embedded metadata; the PDF
and DOCX readers, with their limits, in :mod:`.documents`),
:mod:`.clean` (normalised paragraphs without page furniture or repeats), :mod:`.metadata`
(title, outlet, authors, date, kind), :mod:`.extract` (options, events, and the entry point of
the extractions: figures in :mod:`.figures`, quotations in :mod:`.quotes` with :mod:`.attribution`,
people in :mod:`.names` with :mod:`.namewords`, organisations in :mod:`.organizations`, their
shared word lists in :mod:`.vocabulary`), :mod:`.keypoints` (ranked key points) and :mod:`.draft`, which
assembles the summary and merges it with an analyst-edited YAML file.
"""
