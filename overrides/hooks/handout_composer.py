"""Give the handout composer page ("Folder maken" / "Make a handout", front matter `handout_composer: true`) what it
lists and fetches, as `composer` in the template context, and copy the QR encoder it uses into the site.

overrides/partials/handout-composer.html writes a checkbox for every section and FAQ question of every article in
`nav`, in the page's language (read from the Markdown with patient_info/pages.py, the same reading as the FAQ overview
and the content model); docs/assets/javascripts/handout-composer.js fetches the chosen parts from the built
article pages (same origin) and lays them out for printing. Per article:

- `slug`, `title`, and `urls`: the article's address in every built language, from the site root;
- `pdf`: its ready-made PDF (`handout.pdf_link`, the one place that decides whether a PDF is linked);
- `sections`, `exercises` and `questions`: (text, id) pairs, ids shared by both languages; the exercises one by one,
  from the article and the shared blocks it pulls in (patient_info.exercise_drawings.article_exercises).

Besides: `languages` (the built languages; one means no language choice), `urgency` (the CSS selector of the
"when to call" block that every handout carries) and `closing`, the print-only end block's address, QR code and
build date, as the articles get from handout.py (the script replaces the address and QR code with the selection's).
"""

from __future__ import annotations

from pathlib import Path

from patient_info.pages import article_sections, faq_questions, nav_articles
from handout import closing, pdf_link
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from patient_info.exercise_drawings import POSES, article_exercises, cached_drawings

# The care advice ("when to call", patient_info/urgency_cards.py) is always on a handout: the 112 and "call now" cards after the
# summary and the "make an appointment" card (which an article shows in its section on when to see a GP). Each once:
# a chosen section leaves them out.
URGENCY_SELECTOR = ".urgency-cards"

# The QR encoder (npm qrcode-generator, pinned in scripts/package.json and package-lock.json, installed by
# scripts/install_tools.sh) and where the site serves it.
QR_ENCODER = "scripts/node_modules/qrcode-generator/dist/qrcode.js"
QR_ENCODER_URI = "assets/javascripts/vendor/qrcode.js"


def built_languages(config) -> list[str]:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [config.theme["language"]]
    return [language.locale for language in i18n.config.languages if language.build]


def language_links(config) -> dict[str, str]:
    """Each built language's folder from the site root: {"nl": "", "en": "en/"}."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return {config.theme["language"]: ""}
    return {language.locale: language.link.lstrip("/") for language in i18n.config.languages if language.build}


def shared_dir(config) -> Path:
    """Where pymdownx.snippets reads the shared blocks (its first base_path), from the project's root."""
    base = config.mdx_configs.get("pymdownx.snippets", {}).get("base_path", ["."])
    base = base[0] if isinstance(base, list) else base
    return Path(config.config_file_path).parent / base


def composer_articles(config, language: str) -> list[dict]:
    docs_dir = Path(config.docs_dir)
    english = language == "en"
    drawings = cached_drawings(POSES)  # read and checked once by hooks/exercise_drawings.py
    articles = []
    for article in nav_articles(docs_dir, config.nav, english):
        src_path = f"{docs_dir.name}/{article.name}"
        slug = Path(article.path).stem
        articles.append({
            "slug": slug,
            "title": article.meta["title"],
            "urls": {locale: f"{link}{slug}/" for locale, link in language_links(config).items()},
            "pdf": pdf_link(article.name, language, config),
            "sections": article_sections(article.body, src_path),
            "exercises": [{"text": item["title"], "id": item["id"]}
                          for item in article_exercises(article.body, src_path, shared_dir(config), drawings)],
            "questions": faq_questions(article.body, src_path),
        })
    return articles


def on_files(files, config):
    source = Path(config.config_file_path).parent / QR_ENCODER
    if not source.is_file():
        raise PluginError(f"{QR_ENCODER}: missing, the handout composer needs it: run scripts/install_tools.sh")
    files.append(File.generated(config, QR_ENCODER_URI, abs_src_path=str(source)))
    return files


def on_page_context(context, page, config, nav):
    if "handout" in context:  # an article (hooks/handout.py, listed before this hook): link the composer
        composer_page = next((other for other in nav.pages if other.meta.get("handout_composer")), None)
        context["handout"]["composer"] = composer_page.url if composer_page else None
    if not page.meta.get("handout_composer"):
        return context
    language = config.theme["language"]
    context["composer"] = {
        "languages": built_languages(config),
        "urgency": URGENCY_SELECTOR,
        "articles": composer_articles(config, language),
        "closing": {**closing(page, context, config, language), "qr_words": "composer.qr"},
        "encoder": QR_ENCODER_URI,
    }
    return context
