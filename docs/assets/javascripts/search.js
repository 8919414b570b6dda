/*
 * The site's search: Pagefind's index (hooks/pagefind_index.py) shown in Material's search dialog
 * (overrides/partials/search.html). A module that assets/javascripts/site.js imports when the reader starts to
 * search; it loads Pagefind and the reader's language's index only, never the other language's.
 *
 * Pagefind finds pages that hold every word of a query, stems Dutch and English, and returns the FAQ answers and
 * sections as sub-results. Before it searches, each typed word is matched against the words the indexed pages use
 * (search/words-<lang>.json), so that a patient's words still find an answer:
 * - an irregular verb form becomes its verb ("liep" -> "lopen");
 * - a word the pages do not use is split into two parts they do use ("hardloopschoenen" -> "hardloop schoenen");
 * - a word of 5+ letters with one typo becomes the word the pages use ("hernai" -> "hernia");
 * - any other unknown word is left out. If no word is left, the reader gets links to the topics, the FAQ
 *   overview and the urgency advice. If the pages hold no page with every word, pages with the most words come.
 * Within a page, sections are ranked by their weighted word locations (Pagefind's own first sub-result is often
 * the page's opening rather than the best match). A result link carries ?h=words, which site.js highlights.
 */

const dialog = document.querySelector("[data-site-search]");
const output = dialog.querySelector(".md-search-result");
const field = dialog.querySelector(".md-search__input");
const meta = output.querySelector(".md-search-result__meta");
const list = output.querySelector(".md-search-result__list");
const toggle = document.getElementById("__search");
const root = new URL(output.dataset.searchBase, location.href);
const language = output.dataset.searchLang;
const translations = JSON.parse(document.getElementById("__config").textContent).translations;
const URGENCY = "wanneer-bellen"; // the urgency advice's id on every article (docs/_shared/urgency.yml)
const TEXT = {
  nl: { none: "Daar vonden we niets over. Misschien helpt een van deze pagina's:", urgency: "Wanneer bel je direct?" },
  en: { none: "We found nothing on that. One of these pages may help:", urgency: "When to call straight away" },
}[language] || { none: "Nothing found. One of these pages may help:", urgency: "When to call straight away" };
const PAGES = 5;
const SECTIONS = 3;

const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
await pagefind.options({ baseUrl: root.pathname, excerptLength: 20 });
const site = await (await fetch(new URL(`search/words-${language}.json`, root))).json();

const plain = (word) => word.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
const spelling = new Map(site.words.map((word) => [plain(word), word]));
const sorted = [...spelling.keys()].sort();

function startsAWord(part) {
  let low = 0, high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < part) { low = middle + 1; } else { high = middle; }
  }
  return low < sorted.length && sorted[low].startsWith(part);
}

// A word the pages use, or (4+ letters) the start of one: Pagefind matches the start of words too.
const known = (part) => spelling.has(part) || (part.length >= 4 && startsAWord(part));

function oneEditApart(a, b) {
  if (Math.abs(a.length - b.length) > 1 || a === b) { return false; }
  let i = 0;
  while (i < a.length && a[i] === b[i]) { i++; }
  const rest = (x, y) => a.slice(x) === b.slice(y);
  return rest(i + 1, i + 1) || rest(i + 1, i) || rest(i, i + 1)
    || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2, i + 2));
}

function compound(word) {
  for (let split = word.length - 3; split >= 3; split--) {
    const head = word.slice(0, split);
    const tail = word.slice(split);
    for (const part of [tail, tail.replace(/^s(?=...)/, "")]) { // the Dutch linking s: "rugspieren"
      if (known(head) && known(part)) { return [head, part]; }
    }
  }
  return null;
}

/* The words of a query the pages know, in their spelling (an empty list: nothing known). */
export function understand(query) {
  const found = [];
  for (const typed of query.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []) {
    const word = plain(typed);
    if (site.forms[word]) { found.push(site.forms[word]); }
    else if (known(word)) { found.push(spelling.get(word) || word); }
    else if (word.length >= 5) {
      const parts = compound(word);
      const typo = parts ? null : sorted.find((candidate) => oneEditApart(word, candidate));
      if (parts) { found.push(...parts); } else if (typo) { found.push(spelling.get(typo)); }
    }
  }
  return [...new Set(found)];
}

const score = (sub) => sub.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0);

async function findPages(words) {
  const all = await pagefind.search(words.join(" "));
  if (all.results.length || words.length === 1) { return all.results.slice(0, PAGES); }
  // No page holds every word: rank pages by how many of the words they hold, then by Pagefind's score.
  const pages = new Map();
  for (const word of words) {
    for (const result of (await pagefind.search(word)).results) {
      const page = pages.get(result.id) || { result, words: 0, score: 0 };
      page.words += 1;
      page.score += result.score;
      pages.set(result.id, page);
    }
  }
  return [...pages.values()].sort((a, b) => b.words - a.words || b.score - a.score)
    .slice(0, PAGES).map((page) => page.result);
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) { node.className = className; }
  if (text) { node.textContent = text; }
  return node;
}

function excerpt(html) {
  // Pagefind's excerpt is escaped text with <mark> around the matches: keep exactly that, nothing else.
  const template = document.createElement("template");
  template.innerHTML = html;
  const paragraph = element("p");
  template.content.childNodes.forEach((node) => paragraph.append(
    node.nodeName === "MARK" ? element("mark", "", node.textContent) : document.createTextNode(node.textContent)));
  return paragraph;
}

function link(url, words, title, text, isPage) {
  const address = new URL(url, location.href);
  address.search = "?h=" + encodeURIComponent(words.join(" ")).replace(/%20/g, "+");
  const anchor = element("a", "md-search-result__link");
  anchor.href = address.href;
  anchor.tabIndex = -1;
  const article = element("article", "md-search-result__article md-typeset" +
    (isPage ? " md-search-result__article--document" : ""));
  if (isPage) { article.append(element("div", "md-search-result__icon md-icon")); }
  article.append(element(isPage ? "h1" : "h2", "", title), excerpt(text));
  anchor.append(article);
  return anchor;
}

function showFallback() {
  meta.textContent = TEXT.none;
  const item = element("li", "md-search-result__item search-fallback");
  const links = site.pages.map((page) => [page.title, page.url]);
  if (site.pages.length) { links.push([TEXT.urgency, site.pages[0].url + "#" + URGENCY]); }
  for (const [title, url] of links) {
    const anchor = element("a", "md-search-result__link");
    anchor.href = new URL(url, root).href;
    anchor.append(element("article", "md-search-result__article md-typeset"));
    anchor.firstChild.append(element("h2", "", title));
    item.append(anchor);
  }
  list.replaceChildren(item);
}

let latest = 0;

async function search() {
  const query = field.value.trim();
  const number = ++latest;
  if (!query) {
    meta.textContent = translations["search.result.placeholder"];
    list.replaceChildren();
    return;
  }
  const words = understand(query);
  const found = words.length ? await findPages(words) : [];
  const pages = await Promise.all(found.map((result) => result.data()));
  if (number !== latest) { return; } // the reader typed on
  if (!pages.length) { showFallback(); return; }
  meta.textContent = pages.length === 1 ? translations["search.result.one"]
    : translations["search.result.other"].replace("#", pages.length);
  list.replaceChildren(...pages.map((page) => {
    const item = element("li", "md-search-result__item");
    const isOpening = (sub) => !sub.anchor || sub.anchor.element === "h1"; // the text before the first section
    const sections = page.sub_results.filter((sub) => !isOpening(sub)).sort((a, b) => score(b) - score(a));
    const opening = page.sub_results.find(isOpening);
    item.append(link(page.url, words, page.meta.title, (opening || page).excerpt, true),
      ...sections.slice(0, SECTIONS).map((sub) => link(sub.url, words, sub.title, sub.excerpt, false)));
    return item;
  }));
}

field.addEventListener("input", search);
dialog.querySelector("form").addEventListener("submit", (event) => {
  event.preventDefault();
  const first = list.querySelector("a");
  if (first) { location.href = first.href; }
});
dialog.querySelector("button[type=reset]").addEventListener("click", () => setTimeout(search));
// Arrow keys walk the results, as in Material's search; Escape closes the dialog.
dialog.addEventListener("keydown", (event) => {
  const links = [field, ...list.querySelectorAll("a")];
  const at = links.indexOf(document.activeElement);
  if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    event.preventDefault();
    links[Math.max(0, Math.min(links.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))].focus();
  } else if (event.key === "Escape") {
    toggle.checked = false;
    field.blur();
  }
});
search();
