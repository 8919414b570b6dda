/*
 * The site's search: Pagefind's index (patient_info/search_index.py) shown in Material's search dialog
 * (overrides/partials/search.html). A module that assets/javascripts/site.js imports when the reader starts to
 * search; it loads Pagefind and the reader's language's index only, never the other language's.
 *
 * Pagefind finds pages that hold every word of a query, stems Dutch and English, and returns the FAQ answers and
 * sections as sub-results. Before it searches, each typed word is matched against the words the indexed pages use
 * (search/words-<lang>.json), so that a patient's words still find an answer:
 * - an irregular verb form becomes its verb ("liep" -> "lopen", "slaap" -> "slapen"), a patient's word the
 *   article word for it ("medicijnen" -> "pijnstillers", "rennen" -> "hardlopen");
 * - a word whose ending taken off starts a word the pages use is searched as that stem ("heating" -> "heat");
 * - a word of 5+ letters with one typo (not in its first letter; not a real word of not_typos) becomes the word
 *   the pages use ("hernai" -> "hernia"); else the word of the pages it ends ("therapeut" -> "fysiotherapeut");
 * - else a Dutch word the pages do not use is split into two parts they do use ("hardloopschoenen" -> "hardloop
 *   schoenen");
 * - any other unknown word is left out. If no word is left (or, should it happen, nothing is found), the reader
 *   gets links to the topics, the FAQ overview and the urgency advice, never an empty list.
 * The sections are ranked by the words they hold and where (findPages; Pagefind's own first sub-result is often
 * the page's opening rather than the best match). A result link carries ?h=word&h=word (no stop words), which
 * site.js highlights.
 *
 * Before the results, two kinds of answer come from the same file (patients' words, patient_info/search_data.py):
 * - a red flag: a query that holds the words patients use for an item of the urgency advice ("kan niet plassen")
 *   shows that level's card first, the item's line marked; its link opens the advice with the line marked
 *   (?flag=id, site.js);
 * - not here: a query about a topic the site does not cover ("kniepijn") says so, with where to look instead and
 *   the urgency advice; the back-pain results follow only when the query is also about the back.
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
const PAGES = 5;
const SECTIONS = 3;

const pagefind = await import(new URL("pagefind/pagefind.js", root).href);
// noWorker: the search runs beside this script; a worker would fetch a second copy of Pagefind (12 kB gzip).
await pagefind.options({ baseUrl: root.pathname, excerptLength: 20, noWorker: true });
pagefind.init(); // fetch and compile the WebAssembly and the index's metadata while the reader types
const site = await (await fetch(new URL(`search/words-${language}.json`, root))).json();

const plain = (word) => word.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
const spelling = new Map(site.words.map((word) => [plain(word), word]));
const phraseWords = new Set(site.phraseWords.map(plain));
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

// The site's spelling of a word or part of one: the word itself, or (4+ letters) the start of a site word; its
// verb or the article word for it (search-words.yml); the verb of a stem with a long vowel ("slaap" -> "slapen").
function siteWord(word) {
  const verb = word.replace(/([aeou])\1([^aeiou])$/u, "$1$2en");
  return site.forms[word] || (known(word) && (spelling.get(word) || word))
    || (verb !== word && spelling.has(verb) && spelling.get(verb)) || null;
}

function compound(word) {
  const long = (letters) => letters >= Math.max(5, word.length / 2);
  let single = null;
  for (let split = word.length - 3; split >= 2; split--) { // 2: a verb's prefix ("optillen": "op" "tillen")
    // The Dutch linking s: "rugspieren", "trainingsschema".
    const head = [word.slice(0, split), word.slice(0, split).replace(/(?<=....)s$/, "")].map(siteWord).find(Boolean);
    const tail = [word.slice(split), word.slice(split).replace(/^s(?=...)/, "")].map(siteWord).find(Boolean);
    if (head && tail) { return [head, tail]; }
    // Else one known part of 5+ letters and at least half the word ("trainingsschema" -> "training").
    single = single || (split > 2 && (head && long(split) ? head : tail && long(word.length - split) ? tail : null));
  }
  return single ? [single] : null;
}

// An English or Dutch ending taken off, what is left starts a word of the site ("heating" -> "heat"; Pagefind then
// finds "heat", "heating" and "heated").
function stemOf(word) {
  const stem = word.replace(/(?:ing|ings|ed|es|s|en|e|er|ers)$/u, "");
  return stem !== word && stem.length >= 4 && startsAWord(stem) ? stem : null;
}

// The shortest word of the site that ends with a word (5+ letters) the site does not use on its own: the head of a
// compound ("therapeut" -> "fysiotherapeut", "therapist" -> "physiotherapist").
function headOf(word) {
  const ends = sorted.filter((candidate) => candidate.length > word.length && candidate.endsWith(word));
  return ends.length ? spelling.get(ends.reduce((a, b) => (b.length < a.length ? b : a))) : null;
}

/* Patients' words (red flags, topics not covered): every word of a phrase is a word of the query; a word ending in
   * also matches longer words, one of 5+ letters also a typo of it (the first letter right), unless the typed word
   is a real word of its own (search-words.yml's not_typos: "alweer" is no typo of "afweer"). */
const queryWords = (query) => (query.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) || []).map(plain);
const notTypo = new Set(site.notTypos.map(plain));
const typoOf = (typed, word) => word.length >= 5 && typed[0] === word[0] && !notTypo.has(typed)
  && oneEditApart(typed, word);
function wordMatches(typed, wanted) {
  const word = wanted.replace(/\*$/, "");
  return typed === word || (word !== wanted && typed.startsWith(word)) || typoOf(typed, word);
}
// The query words a phrase holds (their positions), or null when it does not hold every word of the phrase.
function phraseIn(typed, phrase, matches = wordMatches) {
  const held = phrase.map((wanted) => typed.findIndex((word) => matches(word, wanted)));
  return held.includes(-1) ? null : held;
}
// The positions of the query words that any of the phrases holds (empty: none).
const heldBy = (typed, phrases, matches = wordMatches) =>
  new Set(phrases.flatMap((phrase) => phraseIn(typed, phrase, matches) || []));

function redFlags(typed) {
  return site.flags.filter((flag) => heldBy(typed, flag.phrases).size);
}

// The topics the query is about that the site does not cover; one whose words another's hold too is left out
// ("shoulder blades" is not about the shoulder), and so is one that is part of back pain when the query is also
// about the back (the hip), and one whose `not_with` words the query holds (pain "tot onder de knie" is sciatica).
function elsewhere(typed, aboutBack) {
  const found = site.elsewhere.topics.map((topic) => ({ topic, held: heldBy(typed, topic.phrases) }))
    .filter(({ topic, held }) => held.size && !(aboutBack && topic.covered_with_back)
      && !heldBy(typed, topic.not_with || []).size);
  return found.filter(({ held }) => !found.some((other) => other.held.size > held.size
    && [...held].every((index) => other.held.has(index)))).map(({ topic }) => topic);
}

const stop = new Set(site.stop.map(plain));
// In plain letters: "een" is a stop word, and the pages' spelling of it is "één".
const isStopWord = (word) => stop.has(plain(word));
const asksQuestion = new Set(site.questionWords.map(plain)); // "wat", "hoe", "when": not "in", "mijn", "my"
// Whether a word of a query is a stop word: none is when the query has nothing else, then every word counts.
const stopWordsOf = (words) => (words.every(isStopWord) ? () => false : isStopWord);

// Whether a section's phrase that holds `word` has all its words in the query.
const inWholePhrase = (word, typedWords) => Object.values(site.phrases).some((phrases) => phrases.some((phrase) =>
  phrase.some((wanted) => wanted.replace(/\*$/, "") === word) && phraseIn(typedWords.map(plain), phrase)));

/* The words of a query the pages know, in their spelling (an empty list: nothing known). */
export function understand(query) {
  const found = [];
  // Letters and digits; a single letter is no word ("can't": "t").
  const typedWords = query.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) || [];
  for (const typed of typedWords) {
    const word = plain(typed);
    const own = siteWord(word) || stemOf(word);
    if (own) { found.push(own); continue; }
    // A word only a section's phrase holds ("voltaren" of "voltaren gel"), when no word of the pages is meant.
    const phraseWord = phraseWords.has(word) ? [word] : [];
    if (word.length < 5) { found.push(...phraseWord); continue; }
    // A word of a section's phrase that the query holds whole, as typed ("grond" of "op de grond", not
    // "ondergrond"; "therapeut" alone is "fysiotherapeut"), else a word of the site one typo away (the first letter
    // right), else the site word it ends, else a compound's parts.
    if (phraseWord.length && inWholePhrase(word, typedWords)) { found.push(...phraseWord); continue; }
    const typo = sorted.find((candidate) => typoOf(word, candidate));
    const head = !typo && headOf(word);
    found.push(...(typo ? [spelling.get(typo)] : head ? [head] : (language === "nl" && compound(word)) || []));
  }
  // Stop words alone are no known word when the query has other words ("how to repot an orchid"); a query of stop
  // words only is searched as typed.
  return found.every(isStopWord) && !typedWords.every(isStopWord) ? [] : [...new Set(found)];
}

// Pagefind also matches longer words that start with a query word ("voor" finds "vooral", "voorkomen"). For a
// whole word of the site only its own forms count: the same word with another ending of either language ("dag",
// "dagen"; "run", "running"), with at least 4 letters in common ("oefening", "oefenen"). A compound part
// ("hardloop") keeps every match.
const ENDING = /^(?:e|en|s|es|er|ers|t|te|ten|de|den|d|ed|ing|ingen|je|jes)?$/u;
const DOUBLED = /([bdfgklmnprst])\1(?=(?:e|en|er|ers|ing|ingen|ed)$)/u; // "running", "stoppen": "runing", "stopen"
// A word of the pages' text as a query's word is written: lower case, no accents, no punctuation ("rugpijn.").
const bare = (found) => plain(found.toLowerCase()).replace(/[^\p{L}\p{N}]/gu, "");
const means = (word, found) => !spelling.has(plain(word)) || sameForm(word, found || "");
// A compound of the pages made of a query's word and another of its words ("rug doet pijn": "rugpijn", "hardloop
// schoenen": "hardloopschoenen"), with or without a linking "s" or "e": the positions of both, else none.
function compoundOf(words, index, found) {
  const seen = bare(found || "");
  const typed = plain(words[index]);
  if (seen.length < typed.length + 3 || !seen.startsWith(typed)) { return []; }
  const rest = seen.slice(typed.length);
  const others = [...words.keys()].filter((other) => other !== index
    && [rest, rest.replace(/^[se]/u, "")].some((part) => part.length >= 3 && sameForm(words[other], part)));
  return others.length ? [index, ...others] : [];
}
// Two forms of one word: the same, or another ending of either language after a common start.
function sameForm(word, other) {
  const seen = bare(other).replace(DOUBLED, "$1");
  const typed = plain(word).replace(DOUBLED, "$1");
  if (seen === typed) { return true; }
  let same = 0;
  while (same < typed.length && typed[same] === seen[same]) { same++; }
  return (same >= 4 || same === typed.length || same === seen.length)
    && ENDING.test(typed.slice(same)) && ENDING.test(seen.slice(same));
}

/*
 * Pagefind ranks whole pages; a reader wants the one answer that holds their words. Each word is searched on its
 * own, one after the other (side by side, a word whose index chunk another search was still loading came back
 * with fewer results now and then), so every section knows which words it holds, in its heading or its text.
 * - What a section holds of the query is measured (features()): the share of the query's words, by their rarity
 *   among the sections found (log(1 + sections / sections holding it): "naproxen" more than "rug"), that its
 *   heading holds or its own patients' words (a single word there on its own, a phrase's words only when the query
 *   holds the whole phrase: "in bed blijven"), or the patient's question the query asks most closely, if close
 *   enough (askedIn); the share only its text holds; the rarity of the words it holds nowhere (a word of the page's
 *   title or keywords, "spit", "lumbago", is the page's topic and not missing); how closely it answers one of its
 *   patients' questions (section-questions.yml); the stop words of its heading the query holds ("hoe", "ik": a FAQ
 *   question asked the same way); whether it is a FAQ answer; how often it uses the words. The urgency advice holds
 *   only the words of its heading and questions.
 * - A section's score weighs those (docs/_shared/search-ranking.yml): weights fitted on the tuning query sets by
 *   scripts/fit_search_ranking.py, not chosen by hand. The higher score comes first.
 * - A query that names only a page (topicOnly): its sections in the page's order, after those whose heading holds
 *   more of its question words; the page's first section added if missing.
 * - Equal scores: a FAQ answer before a section, then the page Pagefind ranks higher for the words, then the
 *   section that uses the words more often. Pages follow their best section.
 */
// Where a section holds a word: 1 its text, IN_HEADING its heading, AS_TITLE its own patients' words
// (docs/_shared/section-words.yml, which Pagefind weighs like a page's title: TITLE_WEIGHT) or its closest question.
// features() counts both above 1 as the heading's.
const IN_HEADING = 3;
const TITLE_WEIGHT = 7;
const AS_TITLE = 4;
const THEME = 3; // a keyword in this many of a page's headings is the page's theme, not one section's subject
const isTitle = (sub) => Boolean(sub.anchor) && sub.anchor.element === "h1"; // the page's title and summary
const isOpening = (sub) => !sub.anchor || isTitle(sub); // the hidden keywords before the title, or the title
const isAnswer = (sub) => Boolean(sub.anchor) && sub.anchor.element === "h3"; // a FAQ answer

// A query's word (in the pages' spelling) as a word of a section's phrase: as typed, or one of its forms ("blijf").
const holdsPhraseWord = (word, wanted) => wordMatches(plain(word), wanted)
  || (spelling.has(plain(word)) && means(word, wanted.replace(/\*$/, "")));
// The positions of the query's words that hold a whole phrase of the section's patients' words ("in bed blijven").
const phrasesHeld = (url, words) => // url: "…/door-de-rug-gaan/#in-bed-blijven"
  heldBy(words, site.phrases[url.split("/").slice(-2).join("/")] || [], holdsPhraseWord);

// Patients' questions per section (section-questions.yml), each as its words that are no stop words, in the site's
// spelling as understand() gives a query's words ("rennen" -> "hardlopen").
const questions = new Map(Object.entries(site.questions).map(([section, asked]) => [section,
  asked.map((question) => [...new Set(question.split(" ").filter((word) => !isStopWord(word))
    .map((word) => siteWord(word) || stemOf(word) || word))]).filter((question) => question.length)]));
// A word's weight: its rarity among the questions ("spit" and "rug" in many, "nurofen" in few).
const asking = new Map();
for (const word of [...questions.values()].flat(2)) { asking.set(word, (asking.get(word) || 0) + 1); }
const allQuestions = [...questions.values()].reduce((sum, list) => sum + list.length, 0);
const rarityIn = (word) => Math.log(1 + allQuestions / (asking.get(word) || 1));
const askedWords = [...asking.keys()];
// A query word's weight: that of the question word it is a form of, else that of a word no question has.
const askedWeight = (word) => rarityIn(askedWords.find((other) => sameForm(word, other)));
// How closely a section's question asks what the query asks: the cosine of the two, each word weighed by its rarity
// among the questions; at least two words shared, or all of the query's. The positions of the query words it holds.
// `telling`: the positions of the query's words that are no stop words; `weights`: their weights.
function askedIn(url, words, telling, weights) {
  const queryLength = Math.hypot(...weights);
  let best = { held: [], closeness: 0 };
  for (const question of questions.get(url.split("/").slice(-2).join("/")) || []) {
    const held = telling.filter((index) => question.some((word) => sameForm(words[index], word)));
    const shared = held.reduce((sum, index) => sum + weights[telling.indexOf(index)] ** 2, 0);
    const closeness = shared / (queryLength * Math.hypot(...question.map(rarityIn)));
    if (closeness > best.closeness && held.length >= Math.min(2, telling.length)) { best = { held, closeness }; }
  }
  return best;
}
// The sections whose question the query asks most closely (at least ASKED): their question's words count like a
// title.
const ASKED = 0.5;
function askedSections(sections, words, isStop) {
  const telling = [...words.keys()].filter((index) => !isStop(index));
  const weights = telling.map((index) => askedWeight(words[index]));
  const asked = [...sections.values()].map((section) =>
    [section, askedIn(section.sub.url, words, telling, weights)]);
  const closest = Math.max(ASKED, ...asked.map(([, { closeness }]) => closeness));
  return asked.filter(([, { closeness }]) => closeness >= closest - 1e-9);
}

// An article's first section after its title and the urgency advice (what it is), as a result of its own: for a
// query that names only the article's topic, also when the section does not use the query's words ("heksenschot").
// Its heading only: the words after it in Pagefind's text begin with the section's hidden patients' words.
function firstSection(page) {
  const anchor = page.anchors.find((heading) => heading.element === "h2" && heading.id !== URGENCY);
  return anchor ? { url: `${page.url}#${anchor.id}`, title: anchor.text, anchor, excerpt: "" } : null;
}

// What a section holds of a query, as numbers; its score weighs them (docs/_shared/search-ranking.yml, fitted on the
// tuning query sets by scripts/fit_search_ranking.py). `topic`: the positions of the page's topic words; `rarity`:
// each word's rarity among the sections found; `telling`: the positions of the words that are no stop words.
function features(section, topic, rarity, telling, asked, isStop) {
  const rare = (indexes) => indexes.reduce((sum, index) => sum + rarity[index], 0);
  return {
    // the share of the query's telling words (by rarity) in its heading, patients' words or closest question
    held_in_heading: rare(telling.filter((index) => section.words.get(index) > 1)) / (rare(telling) || 1),
    // the share of the query's telling words (by rarity) only in its text
    held_in_text: rare(telling.filter((index) => section.words.get(index) === 1)) / (rare(telling) || 1),
    // the rarity of the telling words it holds nowhere, not even as its page's topic
    missing: rare(telling.filter((index) => !section.words.has(index) && !topic.has(index))),
    // how closely it answers a patient's question the query asks (section-questions.yml; 0 to 1)
    asked,
    // the stop words of its heading the query holds ("hoe", "ik": a FAQ question asked the same way)
    stop_words_in_heading: [...section.words.keys()].filter(isStop).length,
    faq_answer: Number(isAnswer(section.sub)),
    // how often it uses each telling word (log), by the word's rarity, as a share of the query's
    matches: telling.reduce((sum, index) => sum + rarity[index] * Math.log1p(section.hitsOf.get(index) || 0), 0)
      / (rare(telling) || 1),
  };
}

// The last query's sections, best first, with their features: for scripts/fit_search_ranking.py.
let lastRanking = [];
export const ranking = () => lastRanking;

async function findPages(words) {
  const stops = stopWordsOf(words);
  const isStop = (index) => stops(words[index]);
  const sections = new Map();
  const pageScores = new Map();
  for (const [index, word] of words.entries()) {
    const results = (await pagefind.search(word)).results.slice(0, PAGES);
    // The pages' text and sections, fetched side by side. Pagefind keeps one object per page and rewrites it
    // for the next word: each word's pages are read before the next word's are fetched.
    const pages = await Promise.all(results.map((result) => result.data()));
    for (const [rank, page] of pages.entries()) {
      pageScores.set(page.url, (pageScores.get(page.url) || 0) + results[rank].score);
      const text = page.content.split(/\s+/);
      for (const sub of page.sub_results) {
        const held = new Map(); // the positions of the query's words this section holds -> where
        for (const location of sub.weighted_locations) {
          const seen = text[location.location];
          for (const each of means(word, seen) ? [index] : compoundOf(words, index, seen)) {
            held.set(each, [...(held.get(each) || []), location]);
          }
        }
        for (const [each, locations] of held) {
          const inHeading = locations.some((location) => location.weight > 1); // Pagefind weighs headings above 1
          const asTitle = locations.some((location) => location.weight >= TITLE_WEIGHT);
          if (isStop(each) && !inHeading) { continue; }
          const section = sections.get(sub.url)
            || { sub, page, words: new Map(), headed: new Set(), hits: 0, hitsOf: new Map(),
              position: sub.anchor ? sub.anchor.location : -1 };
          if (!isStop(each) && [...section.words.keys()].every(isStop)) { // its excerpt marks a telling word
            Object.assign(section, { sub, page });
          }
          section.words.set(each, Math.max(section.words.get(each) || 0,
            asTitle ? AS_TITLE : inHeading ? IN_HEADING : 1));
          section.hits += locations.length;
          section.hitsOf.set(each, (section.hitsOf.get(each) || 0) + locations.length);
          if (inHeading) { section.headed.add(each); }
          sections.set(sub.url, section);
        }
      }
    }
  }
  for (const [section, { held }] of askedSections(sections, words, isStop)) {
    held.forEach((index) => section.words.set(index, Math.max(section.words.get(index) || 0, AS_TITLE)));
  }
  for (const section of sections.values()) {
    phrasesHeld(section.sub.url, words).forEach((index) =>
      section.words.set(index, Math.max(section.words.get(index) || 0, AS_TITLE)));
  }
  // The urgency advice answers a query with its heading or its patients' questions; the symptoms its text lists
  // have the red-flag card, and its many common words ("pijn", "krijg") made it the answer to ordinary questions.
  for (const section of [...sections.values()].filter((each) => each.sub.url.endsWith("#" + URGENCY))) {
    [...section.words].filter(([, weight]) => weight <= 1).forEach(([index]) => section.words.delete(index));
  }
  const found = [...sections.values()].filter((section) => isOpening(section.sub)
    || [...section.words.keys()].some((index) => !isStop(index)));
  const rarity = words.map((_, index) =>
    Math.log(1 + found.length / Math.max(1, found.filter((section) => section.words.has(index)).length)));
  const topics = new Map(); // page -> its topic words' positions (the keywords come before the title: two openings)
  for (const section of found.filter((opening) => isOpening(opening.sub))) {
    const topic = topics.get(section.page.url) || new Set();
    section.words.forEach((weight, index) => weight > 1 && !isStop(index) && topic.add(index));
    topics.set(section.page.url, topic);
  }
  const telling = [...words.keys()].filter((index) => !isStop(index));
  const askedWeights = telling.map((index) => askedWeight(words[index]));
  for (const section of found) {
    section.features = features(section, topics.get(section.page.url) || new Set(), rarity, telling,
      askedIn(section.sub.url, words, telling, askedWeights).closeness, isStop);
    section.score = Object.entries(site.ranking).reduce((sum, [name, weight]) => sum + weight * section.features[name], 0);
  }
  const ranked = found.sort((a, b) => (Math.abs(b.score - a.score) > 1e-9 ? b.score - a.score : 0)
    || isAnswer(b.sub) - isAnswer(a.sub) || pageScores.get(b.page.url) - pageScores.get(a.page.url) || b.hits - a.hits);
  lastRanking = ranked.map((section) => ({ url: section.sub.url, page: section.page.url,
    opening: isOpening(section.sub), features: section.features }));
  // A query that names only a page's topic ("spit", "lumbago", "spit wat te doen") asks about that page as a whole:
  // its sections then follow the page's own order, after those whose heading holds the query's question words; the
  // urgency advice, which opens every article, is not what such a question asks (a red flag has its own card).
  // A page's name: its topic words (title and keywords) that its title holds, that no section's heading holds
  // ("heksenschot") or that run through its headings (THEME or more: "hardlopen"); a keyword in one or two headings
  // names those sections ("ischias" the section on leg pain, "long run" the answer on long runs).
  const names = (page, index) => {
    if (!(topics.get(page.url) || new Set()).has(index)) { return false; }
    const own = found.filter((section) => section.page.url === page.url && section.headed.has(index));
    const headings = own.filter((section) => !isOpening(section.sub)).length;
    return own.some((section) => isTitle(section.sub)) || headings === 0 || headings >= THEME;
  };
  const topicOnly = (page) => words.every((_, index) => isStop(index) || names(page, index));
  const questionWords = (section) => [...section.words.keys()].filter((index) =>
    isStop(index) && asksQuestion.has(plain(words[index]))).length;
  const pages = new Map();
  for (const section of ranked) {
    const page = pages.get(section.page.url) || { data: section.page, sections: [] };
    page.sections.push(section);
    pages.set(section.page.url, page);
  }
  for (const page of pages.values()) {
    if (topicOnly(page.data)) {
      const advice = (section) => Number(section.sub.url.endsWith("#" + URGENCY));
      const first = firstSection(page.data);
      if (first && !page.sections.some((section) => section.sub.url === first.url)) {
        page.sections.push({ sub: first, words: new Map(), position: first.anchor.location });
      }
      page.sections.sort((a, b) => questionWords(b) - questionWords(a) || advice(a) - advice(b)
        || a.position - b.position);
    }
    page.sections = page.sections.map((section) => section.sub);
  }
  return [...pages.values()].slice(0, PAGES);
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

function link(url, words, title, paragraph, isPage) {
  const address = new URL(url, location.href);
  address.search = new URLSearchParams(words.map((word) => ["h", word])).toString();
  const anchor = element("a", "md-search-result__link");
  anchor.href = address.href;
  anchor.tabIndex = -1;
  const article = element("article", "md-search-result__article md-typeset" +
    (isPage ? " md-search-result__article--document" : ""));
  if (isPage) { article.append(element("div", "md-search-result__icon md-icon")); }
  article.append(element(isPage ? "h1" : "h2", "", title), paragraph);
  anchor.append(article);
  return anchor;
}

// The advice's address on an article, the flagged lines marked there and brought into view (site.js).
function adviceLink(flags) {
  const address = new URL(site.pages[0].url, root);
  address.search = new URLSearchParams(flags.map((flag) => ["flag", flag.id])).toString();
  return address.href;
}

// One card per level the query's red flags belong to, most urgent first: the level's heading, its flagged lines.
function flagItems(flags) {
  const levels = [...new Set(flags.map((flag) => flag.level))];
  return levels.map((level) => {
    const own = flags.filter((flag) => flag.level === level);
    const item = element("li", `md-search-result__item search-urgency search-urgency--${level}`);
    item.dataset.urgencyLevel = level;
    const anchor = element("a", "md-search-result__link");
    anchor.href = adviceLink(own);
    anchor.tabIndex = -1;
    const article = element("article", "md-search-result__article md-typeset");
    article.append(element("h2", "", own[0].heading));
    for (const flag of own) {
      const line = element("p");
      line.dataset.urgencyItem = flag.id;
      line.append(element("mark", "", flag.text));
      article.append(line);
    }
    anchor.append(article);
    item.append(anchor);
    return item;
  });
}

// "Not here": what the site does not cover, where to look instead, and when to call.
function elsewhereItem(topics) {
  const item = element("li", "md-search-result__item search-elsewhere");
  const article = element("article", "md-search-result__article md-typeset");
  article.append(element("h2", "", output.dataset.searchElsewhere));
  for (const topic of topics) {
    const line = element("p", "", output.dataset.searchElsewhereText.replace("#", topic.name) + " ");
    line.dataset.elsewhereTopic = topic.id;
    const anchor = element("a", "search-elsewhere__link", topic.link_title);
    anchor.href = topic.link;
    line.append(anchor);
    article.append(line);
  }
  const urgent = topics.some((topic) => topic.urgency);
  const line = element("p", "", urgent ? output.dataset.searchElsewhereUrgent + " " : "");
  const anchor = element("a", "search-elsewhere__urgency", output.dataset.searchUrgency);
  anchor.href = new URL(site.pages[0].url + "#" + URGENCY, root).href;
  line.append(anchor);
  article.append(line);
  item.append(article);
  return item;
}

function showFallback() {
  meta.textContent = output.dataset.searchNone;
  const item = element("li", "md-search-result__item search-fallback");
  const links = site.pages.map((page) => [page.title, page.url]);
  if (site.pages.length) { links.push([output.dataset.searchUrgency, site.pages[0].url + "#" + URGENCY]); }
  for (const [title, url] of links) {
    const anchor = element("a", "md-search-result__link");
    anchor.href = new URL(url, root).href;
    anchor.append(element("article", "md-search-result__article md-typeset"));
    anchor.firstChild.append(element("h2", "", title));
    item.append(anchor);
  }
  list.replaceChildren(item);
}

// One search at a time, each for what the field holds when its turn comes: searches side by side (one per
// keystroke) shared Pagefind's index chunks while they loaded, and now and then a word came back with fewer
// results, so the first answer changed (seen in the full test suite).
let answered = null;
let turn = Promise.resolve();
function search() {
  turn = turn.then(prepare).then(answer).catch((error) => console.error(error));
}

// While the reader types a word, what its answer needs loads: the index chunks of the word so far, and for a start
// the site does not know as a word ("ru"), the pages it begins a word of ("rug"). The answer then waits for neither.
async function prepare() {
  const typing = field.value.match(/[\p{L}\p{N}]{2,}$/u);
  if (!typing) { return; }
  if (understand(typing[0]).length) { await pagefind.preload(typing[0]); return; }
  const { results } = await pagefind.search(typing[0]);
  await Promise.all(results.slice(0, PAGES).map((result) => result.data()));
}

async function answer() {
  const query = field.value.trim();
  if (query === answered) { return; }
  if (!query) {
    answered = query;
    output.dataset.query = "";
    meta.textContent = translations["search.result.placeholder"];
    list.replaceChildren();
    return;
  }
  const typed = queryWords(query);
  const flags = redFlags(typed);
  const aboutBack = heldBy(typed, site.elsewhere.back).size > 0;
  const topics = elsewhere(typed, aboutBack);
  // About a topic the site does not cover, and not about the back: only "not here" (and any red flag).
  const onlyElsewhere = topics.length && !aboutBack;
  const words = onlyElsewhere ? [] : understand(query);
  const pages = words.length ? await findPages(words) : [];
  const stops = stopWordsOf(words);
  const marked = words.filter((word) => !stops(word));
  if (field.value.trim() !== query) { return; } // the reader typed on: the next turn answers
  answered = query;
  output.dataset.query = query; // what the list answers (tests and benchmarks wait for it)
  if (!pages.length && !flags.length && !topics.length) { showFallback(); return; } // never an empty list
  meta.textContent = !pages.length ? (flags.length ? flags[0].heading : output.dataset.searchElsewhere)
    : pages.length === 1 ? translations["search.result.one"]
    : translations["search.result.other"].replace("#", pages.length);
  list.replaceChildren(...flagItems(flags), ...(topics.length ? [elsewhereItem(topics)] : []),
    ...pages.map(({ data, sections }) => {
    const item = element("li", "md-search-result__item");
    // Under the page's title: the words found in its title and summary, else its description (the hidden
    // keywords before the title are no sentence to show).
    const summary = sections.find(isTitle);
    item.append(link(data.url, marked, data.meta.title,
      summary ? excerpt(summary.excerpt) : element("p", "", data.meta.description), true),
      ...sections.filter((sub) => !isOpening(sub)).slice(0, SECTIONS)
        .map((sub) => link(sub.url, marked, sub.title, excerpt(sub.excerpt), false)));
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
