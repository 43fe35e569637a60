"""Phase 3, editorial: the editor's TOML files (people, trips, corrections) and the
collection-wide decisions made from them (trip resolution, date inference).

``toml`` reads and checks the files (errors name file and line); one module per file.
"""
