"""What the handout composer page ("Folder maken" / "Make a handout", front matter `handout_composer: true`) lists:
overrides/partials/handout-composer.html writes a checkbox for every section, exercise and FAQ question of every
article in the nav, in the page's language (read from the Markdown with patient_info/pages.py, the same reading as
the FAQ overview and the content model); docs/assets/javascripts/handout-composer.js fetches the chosen parts from
the built article pages (same origin) and lays them out for printing. Per article:

- `slug`, `title`, and `urls`: the article's address in every built language, from the site root;
- `pdf`: its ready-made PDF (patient_info.handout.pdf_link, the one place that decides whether a PDF is linked);
- `sections`, `exercises` and `questions`: (text, id) pairs, ids shared by both languages; the exercises one by one,
  from the article and the shared blocks it pulls in (patient_info.exercise_drawings.article_exercises).
"""

from __future__ import annotations

from pathlib import Path

from patient_info.exercise_drawings import POSES, article_exercises, cached_drawings
from patient_info.handout import pdf_link
from patient_info.pages import article_sections, faq_questions, nav_articles

# The care advice ("when to call", patient_info/urgency_cards.py) is always on a handout: the 112 and "call now"
# cards after the summary and the "make an appointment" card. Each once: a chosen section leaves them out.
URGENCY_SELECTOR = ".urgency-cards"

# The QR encoder (npm qrcode-generator, pinned in scripts/package.json and package-lock.json, installed by
# scripts/install_tools.sh) and where the site serves it.
QR_ENCODER = "scripts/node_modules/qrcode-generator/dist/qrcode.js"
QR_ENCODER_URI = "assets/javascripts/vendor/qrcode.js"


def composer_articles(docs_dir: Path, nav: list, language: str, links: dict[str, str], extra: dict,
                      shared_dir: Path) -> list[dict]:
    """Every article of the nav as the composer lists it; `links`: each built language's folder ({"nl": "",
    "en": "en/"})."""
    drawings = cached_drawings(POSES)
    articles = []
    for article in nav_articles(docs_dir, nav, language == "en"):
        src_path = f"{docs_dir.name}/{article.name}"
        slug = Path(article.path).stem
        articles.append({
            "slug": slug,
            "title": article.meta["title"],
            "urls": {locale: f"{link}{slug}/" for locale, link in links.items()},
            "pdf": pdf_link(article.name, language, extra),
            "sections": article_sections(article.body, src_path),
            "exercises": [{"text": item["title"], "id": item["id"]}
                          for item in article_exercises(article.body, src_path, shared_dir, drawings)],
            "questions": faq_questions(article.body, src_path),
        })
    return articles
