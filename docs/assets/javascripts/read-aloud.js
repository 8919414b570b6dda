/*
 * Read aloud ("Lees voor", README): the page read by the browser's own voice (Web Speech API, speechSynthesis).
 * Nothing is sent anywhere; no other host. Loaded with `defer` on articles and the pages of extra.read_aloud.pages
 * (overrides/partials/read-aloud.html). Until the button is pressed it only shows the buttons, and only when the
 * browser has a voice for the page's language: nl-NL, else nl-BE, else any nl (English: en-GB first). Never a voice
 * of another language.
 *
 * Pressed, it fetches the pronunciation list (assets/javascripts/pronunciation.<language>.json, made at build time
 * from docs/_shared/pronunciation.<language>.yml by patient_info/pronunciation.py) and reads the article's visible
 * reading text in order, one utterance per sentence: no navigation, hidden or print-only parts, "¶" links, buttons,
 * sources or closing block. The sentence being read is highlighted with the CSS Custom Highlight API (the DOM is
 * not touched; `::highlight(read-aloud)` in site.css) and kept in view; a `boundary` event highlights the word.
 */
(function readAloud() {
  "use strict";
  var root = document.querySelector("[data-read-aloud]");
  var synth = window.speechSynthesis;
  if (!root || !synth || typeof window.SpeechSynthesisUtterance !== "function") {
    return; // no speech synthesis: the button stays hidden
  }
  var article = root.closest("article");
  var language = (document.documentElement.lang || "nl").toLowerCase().split("-")[0];
  var PREFERRED = { nl: ["nl-nl", "nl-be"], en: ["en-gb"] };
  var RATE = { nl: 0.9, en: 1 }; // Dutch a little slower than the voice's default
  var SLOWER = 0.75; // "Langzamer": times the normal rate
  var STORAGE = "read-aloud-slower"; // on this device only
  // Not read: navigation, controls, hidden and print-only parts, the "¶" links. Reading stops at the sources
  // (their heading's id is written by patient_info/article_footer.py).
  var SKIP = "nav, button, script, style, svg, noscript, template, [hidden], [aria-hidden='true'], .headerlink, " +
    ".handout-actions, .handout, .handout-masthead, .review-dates, .read-aloud-section";
  var STOP = "#bronnen";
  var BLOCK = /^(P|LI|H[1-6]|DT|DD|TD|TH|DIV|SECTION|ARTICLE|ASIDE|UL|OL|DL|TABLE|TR|BLOCKQUOTE|DETAILS|SUMMARY|FIGURE|FIGCAPTION|PRE)$/;

  var play = root.querySelector("[data-read-aloud-play]");
  var stopButton = root.querySelector("[data-read-aloud-stop]");
  var slower = root.querySelector("[data-read-aloud-slower]");
  var voice = null;
  var words = null; // the pronunciation list, fetched on the first press
  var state = "idle"; // idle | playing | paused
  var queue = [];
  var index = 0;
  var run = 0; // each start or stop begins a new run: events of an older run's utterances are ignored

  function chooseVoice(voices) {
    var tags = voices.map(function (v) { return String(v.lang || "").toLowerCase().replace("_", "-"); });
    var wanted = (PREFERRED[language] || []).concat([language]);
    for (var w = 0; w < wanted.length; w++) {
      for (var v = 0; v < voices.length; v++) {
        if (tags[v] === wanted[w] || (w === wanted.length - 1 && tags[v].indexOf(language + "-") === 0)) {
          return voices[v];
        }
      }
    }
    return null;
  }

  function findVoice() {
    voice = voice || chooseVoice(synth.getVoices() || []);
    if (voice && root.hidden) {
      root.hidden = false;
      addSectionControls();
    }
  }

  function label(button, text) {
    button.querySelector("span").textContent = text;
  }

  var slow = false;
  try { slow = window.localStorage.getItem(STORAGE) === "true"; } catch (error) { /* storage off: normal speed */ }

  function rate() {
    return (RATE[language] || 1) * (slow ? SLOWER : 1);
  }

  function visible(element) {
    return element.checkVisibility ? element.checkVisibility() : element.getClientRects().length > 0;
  }

  // The reading text as blocks (a paragraph, a list item, a heading...), each with its text nodes and their offsets.
  function collectBlocks(from) {
    var blocks = [];
    var current = null;
    var started = !from;
    var stopped = false;
    function flush() {
      if (current && /\S/.test(current.text)) { blocks.push(current); }
      current = null;
    }
    function walk(node) {
      if (stopped) { return; }
      if (node.nodeType === 3) {
        if (!started) { return; }
        current = current || { nodes: [], text: "" };
        current.nodes.push({ node: node, start: current.text.length });
        current.text += node.data;
        return;
      }
      if (node.nodeType !== 1) { return; }
      if (node.matches(STOP)) { stopped = true; return; }
      if (node === from) { started = true; }
      if (node.matches(SKIP) || !visible(node)) { return; }
      var block = BLOCK.test(node.tagName);
      if (block) { flush(); }
      for (var child = node.firstChild; child; child = child.nextSibling) { walk(child); }
      if (block) { flush(); }
    }
    walk(article);
    flush();
    return blocks;
  }

  // Sentences of a block: ends at . ! ? … followed by a space or the end, except after an abbreviation in the list.
  function sentences(block) {
    var result = [];
    var text = block.text;
    var start = 0;
    var end = /[.!?…]+(?=\s|$)/g;
    var match;
    while ((match = end.exec(text))) {
      var stopAt = match.index + match[0].length;
      var word = text.slice(0, stopAt).split(/\s/).pop().toLowerCase();
      if (words.lookup[word]) { continue; }
      result.push([start, stopAt]);
      start = stopAt;
    }
    result.push([start, text.length]);
    return result.map(function (range) {
      var from = range[0] + (text.slice(range[0], range[1]).length - text.slice(range[0], range[1]).trimStart().length);
      return { block: block, start: from, end: range[1] };
    }).filter(function (s) { return /[\p{L}\p{N}]/u.test(text.slice(s.start, s.end)); });
  }

  // What the voice says for a sentence, with segments mapping its characters back to the page's text.
  var TOKEN = /(\d{1,3})\s*[–—-]\s*(?=\d{1,3}(?!\d))|[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)*\.?|\s+/gu;
  function spoken(sentence) {
    var source = sentence.block.text.slice(sentence.start, sentence.end);
    var said = "";
    var segments = [];
    var last = 0;
    function add(from, to, text, same) {
      segments.push({ from: from, to: to, at: said.length, same: same });
      said += text;
    }
    source.replace(TOKEN, function (match, digits, offset) {
      if (offset > last) { add(last, offset, source.slice(last, offset), true); }
      var say = match;
      if (digits) {
        say = digits + " " + words.range + " ";
      } else if (/^\s/.test(match)) {
        say = " ";
      } else {
        var key = match.toLowerCase();
        if (words.lookup[key]) { say = words.lookup[key]; }
        else if (key.slice(-1) === "." && words.lookup[key.slice(0, -1)]) { say = words.lookup[key.slice(0, -1)] + "."; }
      }
      add(offset, offset + match.length, say, say === match);
      last = offset + match.length;
      return match;
    });
    if (last < source.length) { add(last, source.length, source.slice(last), true); }
    return { text: said.trim() ? said : source, segments: segments };
  }

  function sourceOffset(item, charIndex) {
    var found = null;
    item.said.segments.forEach(function (segment) {
      if (segment.at <= charIndex) { found = segment; }
    });
    if (!found) { return item.start; }
    var inside = found.same ? Math.min(charIndex - found.at, found.to - found.from) : 0;
    return item.start + found.from + inside;
  }

  function point(block, offset) {
    for (var n = block.nodes.length - 1; n >= 0; n--) {
      if (block.nodes[n].start <= offset) {
        return [block.nodes[n].node, Math.min(offset - block.nodes[n].start, block.nodes[n].node.length)];
      }
    }
    return [block.nodes[0].node, 0];
  }

  function range(block, from, to) {
    var r = document.createRange();
    var a = point(block, from);
    var b = point(block, to);
    r.setStart(a[0], a[1]);
    r.setEnd(b[0], b[1]);
    return r;
  }

  function show(name, r) {
    if (window.CSS && CSS.highlights && window.Highlight) {
      if (r) { CSS.highlights.set(name, new Highlight(r)); } else { CSS.highlights.delete(name); }
    }
  }

  function highlightSentence(item) {
    var r = range(item.block, item.start, item.end);
    show("read-aloud", r);
    show("read-aloud-word", null);
    var box = r.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) {
      var calm = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      window.scrollBy({ top: box.top - window.innerHeight / 3, behavior: calm ? "auto" : "smooth" });
    }
  }

  function highlightWord(item, charIndex) {
    var from = sourceOffset(item, charIndex);
    var rest = item.block.text.slice(from, item.end);
    var length = rest.search(/\s|$/);
    show("read-aloud-word", range(item.block, from, from + Math.max(length, 0)));
  }

  function speakNext(myRun) {
    if (myRun !== run) { return; }
    if (index >= queue.length) { stop(); return; }
    var item = queue[index];
    var utterance = new SpeechSynthesisUtterance(item.said.text);
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = rate();
    utterance.addEventListener("boundary", function (event) {
      if (myRun === run) { highlightWord(item, event.charIndex || 0); }
    });
    function next(event) {
      if (myRun !== run) { return; }
      if (event && event.type === "error" && (event.error === "interrupted" || event.error === "canceled")) { return; }
      index += 1;
      speakNext(myRun);
    }
    utterance.addEventListener("end", next);
    utterance.addEventListener("error", next);
    highlightSentence(item);
    synth.speak(utterance);
  }

  function setState(next) {
    state = next;
    root.dataset.state = next;
    label(play, root.dataset[next === "playing" ? "labelPause" : next === "paused" ? "labelResume" : "labelRead"]);
    stopButton.hidden = next === "idle";
    slower.hidden = next === "idle";
  }

  function loadWords() {
    if (words) { return Promise.resolve(words); }
    function keep(data) {
      var lookup = {};
      Object.keys(data.words || {}).forEach(function (key) { lookup[key.toLowerCase()] = data.words[key]; });
      words = { range: data.range || "-", lookup: lookup };
      return words;
    }
    return fetch(root.dataset.words, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .catch(function () { return {}; })
      .then(keep);
  }

  function start(from) {
    run += 1;
    var myRun = run;
    synth.cancel();
    setState("playing");
    loadWords().then(function () {
      if (myRun !== run) { return; }
      queue = [];
      collectBlocks(from).forEach(function (block) {
        sentences(block).forEach(function (sentence) {
          sentence.said = spoken(sentence);
          queue.push(sentence);
        });
      });
      index = 0;
      speakNext(myRun);
    });
  }

  function stop() {
    run += 1;
    synth.cancel();
    var hadFocus = stopButton.contains(document.activeElement) || slower.contains(document.activeElement);
    setState("idle");
    show("read-aloud", null);
    show("read-aloud-word", null);
    if (hadFocus) { play.focus(); }
  }

  // "Lees dit deel voor" on each section heading and FAQ question with an id (search results land there).
  function addSectionControls() {
    var icon = play.querySelector("svg");
    article.querySelectorAll("h2[id], h3[id]").forEach(function (heading) {
      if (heading.matches(STOP) || heading.closest(SKIP) || !visible(heading)) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "read-aloud-section";
      button.setAttribute("aria-label", root.dataset.labelSection);
      button.title = root.dataset.labelSection;
      button.appendChild(icon.cloneNode(true));
      button.addEventListener("click", function () { start(heading); });
      var permalink = heading.querySelector(".headerlink");
      heading.insertBefore(button, permalink);
    });
  }

  play.addEventListener("click", function () {
    if (state === "idle") { start(null); }
    else if (state === "playing") { synth.pause(); setState("paused"); }
    else { synth.resume(); setState("playing"); }
  });
  stopButton.addEventListener("click", stop);
  slower.setAttribute("aria-pressed", String(slow));
  slower.addEventListener("click", function () {
    slow = !slow; // from the next sentence on
    try { window.localStorage.setItem(STORAGE, String(slow)); } catch (error) { /* not kept: still applies now */ }
    slower.setAttribute("aria-pressed", String(slow));
  });
  window.addEventListener("pagehide", function () { if (state !== "idle") { stop(); } });

  findVoice();
  if (!voice && synth.addEventListener) {
    synth.addEventListener("voiceschanged", findVoice); // Chromium lists its voices a moment after the page loads
  }
})();
