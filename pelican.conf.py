"""Site settings: the single source of truth (pelicanconf.py and publishconf.py load it)."""

SITENAME = "News Digest"
SITESUBTITLE = "An annotated, cross-linked record of who did what, where and when"
AUTHOR = "News Digest editors"
SITEURL = ""
RELATIVE_URLS = True  # links work from file:// and under any sub-path

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS: list[str] = []
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE = None  # an undated article stays undated (the plugin keeps it)
DEFAULT_DATE_FORMAT = "%-d %b %Y"

# The plugin is installed (`pip install -e .`): its full name works for editable and
# regular installs alike.
PLUGINS = ["pelican.plugins.news_digest", "pelican.plugins.sitemap"]

# Every link points to an .html file, so the site works without a web server.
ARTICLE_URL = ARTICLE_SAVE_AS = "articles/{slug}.html"
PAGE_URL = PAGE_SAVE_AS = "pages/{slug}.html"
DRAFT_URL = DRAFT_SAVE_AS = "drafts/{slug}.html"
DIRECT_TEMPLATES = ["index", "404"]  # the plugin writes search.html
DEFAULT_PAGINATION = 20
# Person and trip pages paginate their article lists the same way as the index.
PAGINATED_TEMPLATES = {"index": None, "person": None, "trip": None}
# Later pages live under a folder no slug can name, so they cannot collide.
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{name}/page/{number}.html", "{name}/page/{number}.html"),
)
# Pelican's taxonomy pages are replaced by the digest's people and trip pages.
CATEGORY_SAVE_AS = CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "news"

# Pelican's own feeds are off: the plugin writes feeds without undated articles.
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Seed text is data: templates escape everything unless marked safe.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
# Only core Markdown plus metadata: no raw-HTML-friendly extensions for seed text.
MARKDOWN = {
    "extension_configs": {"markdown.extensions.meta": {}},
    "output_format": "html5",
}

# The 404 page is not a page to index.
SITEMAP = {"format": "xml", "exclude": [r"^404\.html$"]}
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CHECK_MODIFIED_METHOD = "mtime"
DELETE_OUTPUT_DIRECTORY = False
# Seeds of the editor's choosing live in seeds/; the plugin writes content/articles/.
NEWS_DIGEST_SEEDS_PATH = "seeds"
