"""Phase 1, ingest: seeds in, Markdown pages out.

``decode`` (bytes -> text, with warnings) -> ``clean`` (raw copy -> article body and what
was removed) -> ``..extract`` (facts) -> ``page`` (the Markdown page format) written by
``store`` (slugs, fingerprints, atomic writes). ``cache`` keeps analyses of unchanged
seeds; ``run`` drives the phase for a whole seeds folder.
"""
