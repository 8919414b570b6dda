"""Material's stylesheets without the rules no page of this site can use (issue 27: the first view's weight).

Material ships one stylesheet for every feature it has: blog posts, content tabs, code blocks, keyboard keys, the
consent banner, twenty colour palettes. This site uses few of them, yet every first view fetched all. A rule is left
out only when one of its selectors' classes, or its palette colour, appears nowhere: not in a page's class
attributes, not in any of the site's scripts (Material's included: the classes it adds while the page runs). A class
a script builds from a prefix (`tabbed-control--${e}`, `"md-status--" + name`) keeps every class with that prefix.
Classes inside :is(), :not() and the like are not judged: such a selector is kept. What is left gives every element
the same style (tests/test_first_view.py compares the computed styles with Material's whole stylesheet).

Knows nothing of MkDocs: the post-build step (patient_info/post_build.py) gives it the site's classes and colours.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SCRIPT_WORD = re.compile(r"[A-Za-z_][\w-]*")
# A class name built while the page runs: `md-tag--${a}` or "md-status--" + name.
SCRIPT_PREFIX = re.compile(r"""([A-Za-z_][\w-]*[-_])(?:\$\{|["'`]\s*\+)""")
CLASS_ATTRIBUTE = re.compile(r'\sclass="([^"]*)"')
PALETTE_ATTRIBUTE = re.compile(r"data-md-color-(primary|accent|scheme)$")


@dataclass
class Used:
    """What the site can use: class names, prefixes of class names built by scripts, and the palette's colours as
    {"primary": {"teal"}, "accent": {...}, "scheme": {...}}."""
    classes: set[str]
    prefixes: set[str]
    colours: dict[str, set[str]]

    def has_class(self, name: str) -> bool:
        return name in self.classes or any(name.startswith(prefix) for prefix in self.prefixes)


def classes_in_page(page: str) -> set[str]:
    """Every class named in a page's class attributes."""
    return {name for value in CLASS_ATTRIBUTE.findall(page) for name in value.split()}


def names_in_script(script: str) -> tuple[set[str], set[str]]:
    """Every word a script holds that could be a class name, and the prefixes it builds class names from."""
    return set(SCRIPT_WORD.findall(script)), set(SCRIPT_PREFIX.findall(script))


def palette_colours(config: object) -> dict[str, set[str]]:
    """The scheme, primary and accent colours of every palette in mkdocs.yml (a language's own palette included),
    spelled as Material writes them into data-md-color-* ("deep orange" becomes "deep-orange")."""
    colours: dict[str, set[str]] = {"primary": set(), "accent": set(), "scheme": set()}

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key in colours and isinstance(item, str):
                    colours[key].add(item.replace(" ", "-").lower())
                else:
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(config)
    return colours


def _selectors(prelude: list) -> list[list]:
    """A rule's selector list split at its top-level commas (commas inside :is(...) stay)."""
    selectors: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _selector_used(selector: list, used: Used) -> bool:
    """False only when a class or palette colour written at the selector's top level is one the site never uses."""
    for before, token in zip([None] + selector, selector):
        if token.type == "ident" and before is not None and before.type == "literal" and before.value == ".":
            if not used.has_class(token.value):
                return False
        elif token.type == "[] block":
            parts = [part for part in token.content if part.type not in ("whitespace", "comment")]
            if len(parts) == 3 and parts[0].type == "ident" and parts[1].type == "literal" and parts[1].value == "=":
                attribute = PALETTE_ATTRIBUTE.match(parts[0].value)
                if attribute and parts[2].type in ("ident", "string") \
                        and parts[2].value not in used.colours[attribute.group(1)]:
                    return False
    return True


def _prune_rules(rules: list, used: Used) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            written = _selectors(rule.prelude)
            selectors = [selector for selector in written if _selector_used(selector, used)]
            if not selectors:
                continue
            if len(selectors) < len(written):
                rule.prelude = [token for number, selector in enumerate(selectors)
                                for token in ([_parser().ast.LiteralToken(0, 0, ",")] if number else []) + selector]
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "container", "layer") \
                and rule.content is not None:
            inner = _prune_rules(_parser().parse_rule_list(rule.content), used)
            if not [item for item in inner if item.type not in ("whitespace", "comment")]:
                continue
            rule.content = inner
        kept.append(rule)
    return kept


def prune(stylesheet: str, used: Used) -> str:
    """The stylesheet without the rules (and selectors of a list) that can match nothing on this site."""
    rules = _parser().parse_stylesheet(stylesheet)
    return _parser().serialize(_prune_rules(rules, used))


def _parser():
    """tinycss2, loaded when a stylesheet is pruned: a build whose result the post-build step kept needs no parser."""
    import tinycss2

    return tinycss2
