"""Phase 4, site: what Pelican builds from the pages.

``metadata`` turns a page's header into objects, ``crosslinks`` indexes people and trips
across articles, ``annotate`` links people in the rendered text, ``generators`` writes
the person, trip, timeline pages and feeds, ``search`` the offline search index.
"""
