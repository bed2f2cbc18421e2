"""The build: plans what is stale, makes each memo (assemble, render, verify) in worker processes,
and writes the files, the figure ledgers and the manifest; ``brief check`` drives the same
workers without writing.

Modules: :mod:`.run` (``brief build``), :mod:`.plan` (what is stale), :mod:`.manifest` (the keys
of what was built), :mod:`.pipeline` (one memo), :mod:`.workers` (the process pool),
:mod:`.ledger` (``figures.json``) and :mod:`.check` (``brief check``).
"""
