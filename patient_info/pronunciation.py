"""How the read-aloud voice should say the site's numbers, units and abbreviations (README, "Read aloud").

One YAML file per language (docs/_shared/pronunciation.<language>.yml) holds

    range: tot                 # the word for a dash between two numbers: "1–3" is read "1 tot 3"
    words:                     # a whole word or number as written, and how the voice says it
      - write: "112"
        say: één één twee

`pronunciation(path)` reads and checks one file and returns what the browser script needs:
{"range": "tot", "words": {"112": "één één twee", ...}}. Every problem is one `PronunciationError` whose message
starts with the file's name. No MkDocs here: patient_info/mkdocs_adapter.py calls it.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from patient_info.errors import ContentError
from patient_info.pages import load_yaml

DATA_FILE = "_shared/pronunciation.{language}.yml"  # under docs/
SITE_FILE = "assets/javascripts/pronunciation.{language}.json"  # under site/: read-aloud.js fetches it
FIELDS = {"range", "words"}
WORD_FIELDS = {"write", "say"}


class PronunciationError(ContentError):
    """One line: the file and what is wrong in it."""


def _text(value) -> str:
    """A YAML scalar as the text it was written as (an unquoted 112 is an int; YAML's True is not wanted here)."""
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        return ""
    return str(value).strip()


def check(data, name: str) -> dict:
    """The checked content of one pronunciation file (already parsed), or a PronunciationError naming `name`."""
    if not isinstance(data, dict):
        raise PronunciationError(f"{name}: expected `range:` and `words:` at the top, found {type(data).__name__}")
    unknown = sorted(set(map(str, data)) - FIELDS)
    if unknown:
        raise PronunciationError(f"{name}: unknown field {unknown[0]!r} (known: range, words)")
    dash = _text(data.get("range"))
    if not dash:
        raise PronunciationError(f"{name}: `range` is empty: the word for a dash between two numbers (tot, to)")
    entries = data.get("words")
    if not isinstance(entries, list) or not entries:
        raise PronunciationError(f"{name}: `words` must be a list of entries with `write` and `say`")
    words: dict[str, str] = {}
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict) or set(map(str, entry)) != WORD_FIELDS:
            raise PronunciationError(f"{name}: word {number} must have exactly `write` and `say`")
        write, say = _text(entry["write"]), _text(entry["say"])
        if not write or not say:
            raise PronunciationError(f"{name}: word {number} ({write or 'no write'}) has an empty "
                                     f"{'write' if not write else 'say'}")
        if any(char.isspace() for char in write):
            raise PronunciationError(f"{name}: word {number} ({write}): `write` is one word, without spaces")
        if write.casefold() in seen:
            raise PronunciationError(f"{name}: {write!r} is listed twice")
        seen.add(write.casefold())
        words[write] = say
    return {"range": dash, "words": words}


def pronunciation(path: Path) -> dict:
    """Read and check one pronunciation file; one PronunciationError naming the file for any problem."""
    name = str(path)
    try:
        data = load_yaml(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise PronunciationError(f"{name}: missing (read aloud needs one pronunciation file per language)") from None
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise PronunciationError(f"{name}: not valid YAML ({first})") from None
    return check(data, name)


def language_list(docs_dir: Path, language: str) -> dict:
    """The checked pronunciation list of a language, from docs/_shared/pronunciation.<language>.yml."""
    return pronunciation(Path(docs_dir) / DATA_FILE.format(language=language))
