/*
 * Handout composer ("Folder maken" / "Make a handout"): loaded on that page only (overrides/main.html), after the
 * QR encoder (npm qrcode-generator, copied into the site by patient_info/handout_composer.py). The form is
 * overrides/partials/handout-composer.html; the print and screen look assets/stylesheets/handout-composer.css.
 *
 * - The choice (language, topics, their sections, exercises and FAQ questions) lives in the page's address, so it can
 *   be bookmarked: ?lang=nl-en&door-de-rug-gaan=wat-is-het,exercise-bridge (a topic with nothing ticked: "slug=").
 * - An exercise (div.exercise, its id the same in both languages) can be chosen alone: it prints with its drawing,
 *   under its section's heading and the section's opening lines (which say when to stop), without the others.
 * - The preview is built from the built article pages themselves, fetched from the same site: per topic its title,
 *   "In het kort", the "when to call" block (the selector comes from the hook: one place), the chosen sections and
 *   questions in the article's order, and its review dates. With two languages every block is laid out as rows,
 *   Dutch left, English right, paragraph by paragraph (list item by list item where both lists are as long).
 * - The closing block's address and QR code are the selection's own address (the page's canonical address plus the
 *   choice), so the QR code on paper opens exactly this handout.
 * - The personal note is copied into the preview as text and nowhere else: it has no `name`, is not in the
 *   address, not stored, not sent.
 */
(function handoutComposer() {
  "use strict";

  var form = document.querySelector("[data-composer]");
  var preview = document.querySelector("[data-composer-preview]");
  if (!form || !preview) { return; }

  var SVG = "http://www.w3.org/2000/svg";
  var QR_QUIET_ZONE = 4;
  var sheet = preview.querySelector("[data-composer-sheet]");
  var content = sheet.querySelector("[data-composer-content]");
  var status = preview.querySelector("[data-composer-status]");
  var noteField = form.querySelector("[data-composer-note]");
  var noteOut = sheet.querySelector("[data-composer-note-out]");
  var noteText = sheet.querySelector("[data-composer-note-text]");
  var link = form.querySelector("[data-composer-link]");
  var closing = sheet.querySelector(".handout");
  var pageLanguage = form.dataset.language;
  var urgencySelector = form.dataset.urgency;
  var topics = Array.prototype.slice.call(form.querySelectorAll("[data-article]"));

  // --- The choice and its address --------------------------------------------------------------------------------

  function languageChoice() {
    var radio = form.querySelector('input[name="lang"]:checked');
    return radio ? radio.value : pageLanguage;
  }

  function topicBox(fieldset) { return fieldset.querySelector("[data-topic]"); }

  function partBoxes(fieldset, kind) {
    var selector = kind ? '[data-part="' + kind + '"]' : "[data-part]";
    return Array.prototype.slice.call(fieldset.querySelectorAll(selector));
  }

  function ticked(fieldset, kind) {
    return partBoxes(fieldset, kind).filter(function (box) { return box.checked; })
      .map(function (box) { return box.value; });
  }

  function chosenTopics() {
    return topics.filter(function (fieldset) { return topicBox(fieldset).checked; });
  }

  function query() {
    var parts = [];
    if (form.querySelector('input[name="lang"]')) { parts.push("lang=" + encodeURIComponent(languageChoice())); }
    chosenTopics().forEach(function (fieldset) {
      parts.push(encodeURIComponent(fieldset.dataset.article) + "=" + ticked(fieldset).map(encodeURIComponent).join(","));
    });
    return "?" + parts.join("&");
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    var language = params.get("lang");
    form.querySelectorAll('input[name="lang"]').forEach(function (radio) {
      if (radio.value === language) { radio.checked = true; }
    });
    topics.forEach(function (fieldset) {
      var included = params.has(fieldset.dataset.article);
      var ids = included ? params.get(fieldset.dataset.article).split(",") : [];
      topicBox(fieldset).checked = included;
      partBoxes(fieldset).forEach(function (box) { box.checked = ids.indexOf(box.value) >= 0; });
    });
  }

  // --- Reading the article pages ---------------------------------------------------------------------------------

  var pages = {};

  function load(url) {
    if (!pages[url]) {
      pages[url] = fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) { throw new Error(url + ": " + response.status); }
        return response.text();
      }).then(function (text) {
        return new DOMParser().parseFromString(text, "text/html");
      });
      pages[url].catch(function () { delete pages[url]; });
    }
    return pages[url];
  }

  function articleUrl(fieldset, language) {
    return new URL(fieldset.getAttribute("data-url-" + language), location.href).href;
  }

  /* A heading and what follows it up to the next heading of the given tags. */
  function runFrom(heading, stopTags) {
    var nodes = [heading];
    for (var node = heading.nextElementSibling; node; node = node.nextElementSibling) {
      if (stopTags.indexOf(node.tagName) >= 0 || node.matches(".handout, .review-dates")) { break; }
      if (!node.matches(urgencySelector)) { nodes.push(node); }  // the urgency cards are in once, at the top
    }
    return nodes;
  }

  function box(element) {
    return element ? { container: element.cloneNode(false), nodes: Array.prototype.slice.call(element.children) } : null;
  }

  /* The blocks of one topic in one language, keyed so that the two languages can be paired. */
  function readArticle(doc, fieldset) {
    var root = doc.querySelector("article") || doc.body;
    var byId = function (tag, id) { return root.querySelector(tag + "#" + CSS.escape(id)); };
    var blocks = [];
    var add = function (key, block) { if (block) { blocks.push({ key: key, container: block.container || null, nodes: block.nodes }); } };
    add("title", { nodes: [root.querySelector("h1")] });
    add("summary", box(root.querySelector(".admonition.summary")));
    Array.prototype.forEach.call(root.querySelectorAll(urgencySelector), function (element, index) {
      add("urgency:" + index, box(element));
    });
    /* A section's run, with its group of exercises (div.exercises) as a block of its own, so the two languages pair
       exercise by exercise; `chosen` (exercise elements) leaves the other exercises out. */
    var addRun = function (key, nodes, chosen) {
      var plain = [];
      var run = 0;
      var flush = function () {
        if (plain.length) { add(key + ":" + run, { nodes: plain }); }
        plain = [];
        run += 1;
      };
      nodes.forEach(function (node) {
        if (!node.matches(".exercises")) { plain.push(node); return; }
        // The section's heading (and what stands before the group) goes into the group, which prints whole:
        // Chromium does not keep a heading with the block after it.
        var children = plain.concat(Array.prototype.slice.call(node.children).filter(function (child) {
          return !chosen || !child.matches(".exercise") || chosen.indexOf(child) >= 0;
        }));
        plain = [];
        add(key + ":" + run, { container: node.cloneNode(false), nodes: children });
        run += 1;
      });
      flush();
    };
    var sectionOf = function (element) {
      var node = element.closest(".exercises") || element;
      while (node && node.tagName !== "H2") { node = node.previousElementSibling; }
      return node;
    };
    var exercises = ticked(fieldset, "exercises").map(function (id) { return byId("div", id); }).filter(Boolean);
    // In the article's order: a ticked section whole; else, where it holds ticked exercises, just those.
    partBoxes(fieldset, "sections").forEach(function (sectionBox) {
      var heading = byId("h2", sectionBox.value);
      if (!heading) { return; }
      if (sectionBox.checked) {
        addRun("section:" + heading.id, runFrom(heading, ["H2"]), null);
        return;
      }
      var chosen = exercises.filter(function (exercise) { return sectionOf(exercise) === heading; });
      if (chosen.length) { addRun("exercises:" + heading.id, runFrom(heading, ["H2"]), chosen); }
    });
    var questions = ticked(fieldset, "questions").map(function (id) { return byId("h3", id); }).filter(Boolean);
    if (questions.length) {
      var faq = questions[0];
      while (faq && faq.tagName !== "H2") { faq = faq.previousElementSibling; }
      if (faq) { add("faq", { nodes: [faq] }); }
      questions.forEach(function (heading) { add("question:" + heading.id, { nodes: runFrom(heading, ["H2", "H3"]) }); });
    }
    add("dates", { nodes: [root.querySelector(".review-dates")].filter(Boolean) });
    return { blocks: blocks, disclaimer: root.querySelector(".handout__disclaimer") };
  }

  /* A copy for the preview: headings one level lower (the page has its own h1), no permalinks, no ids (they would
     repeat), links to the site kept as paths from its root (resolved against the article's address), blocks open. */
  function copy(node, base) {
    var element = document.importNode(node, true);
    var level = /^H([1-5])$/.exec(element.tagName);
    if (level) {
      var heading = document.createElement("h" + (Number(level[1]) + 1));
      heading.className = element.className;
      heading.append.apply(heading, Array.prototype.slice.call(element.childNodes));
      element = heading;
    }
    element.querySelectorAll(".headerlink").forEach(function (permalink) { permalink.remove(); });
    element.removeAttribute("id");
    element.querySelectorAll("[id]").forEach(function (withId) { withId.removeAttribute("id"); });
    element.querySelectorAll("details").forEach(function (details) { details.open = true; });
    element.querySelectorAll("a[href]").forEach(function (anchor) {
      var url = new URL(anchor.getAttribute("href"), base);
      anchor.setAttribute("href", url.origin === location.origin ? url.pathname + url.search + url.hash : url.href);
    });
    return element;
  }

  /* Two lists of nodes as rows of two cells; two lists of equal length become one row per list item. */
  function pairRows(left, right, languages) {
    var rows = [];
    var count = Math.max(left.length, right.length);
    for (var index = 0; index < count; index += 1) {
      var pair = [left[index], right[index]];
      var lists = pair.every(function (node) { return node && /^(UL|OL)$/.test(node.tagName); }) &&
        pair[0].children.length === pair[1].children.length;
      if (lists) {
        for (var item = 0; item < pair[0].children.length; item += 1) {
          var itemRow = row(pair.map(function (list) {
            var single = list.cloneNode(false);
            single.append(list.children[item].cloneNode(true));
            return single;
          }), languages);
          itemRow.classList.add("composer-pair--item");
          rows.push(itemRow);
        }
      } else {
        rows.push(row(pair, languages));
      }
    }
    return rows;
  }

  function row(cells, languages) {
    var line = document.createElement("div");
    line.className = "composer-pair";
    cells.forEach(function (node, index) {
      var cell = document.createElement("div");
      cell.className = "composer-pair__cell";
      cell.lang = languages[index];
      if (node) { cell.append(node); }
      line.append(cell);
    });
    if (cells.some(function (node) { return node && /^H\d$/.test(node.tagName); })) {
      line.classList.add("composer-pair--heading");
    }
    return line;
  }

  function topicSection(fieldset, languages, docs) {
    var read = docs.map(function (doc) { return readArticle(doc, fieldset); });
    var bases = languages.map(function (language) { return articleUrl(fieldset, language); });
    var section = document.createElement("section");
    section.className = "composer-article";
    if (languages.length === 1) { section.lang = languages[0]; }
    read[0].blocks.forEach(function (block) {
      var copies = read.map(function (article, index) {
        var match = article.blocks.filter(function (other) { return other.key === block.key; })[0];
        return match ? match.nodes.map(function (node) { return copy(node, bases[index]); }) : [];
      });
      var target = section;
      if (block.container) {
        target = document.importNode(block.container, false);
        target.removeAttribute("id");
        section.append(target);
      }
      if (languages.length === 1) {
        target.append.apply(target, copies[0]);
      } else {
        target.append.apply(target, pairRows(copies[0], copies[1], languages));
      }
    });
    return { section: section, disclaimers: read.map(function (article) { return article.disclaimer; }) };
  }

  // --- The preview -----------------------------------------------------------------------------------------------

  function qrCode(text) {
    var code = qrcode(0, "M");
    code.addData(text);
    code.make();
    var count = code.getModuleCount();
    var size = count + 2 * QR_QUIET_ZONE;
    var path = "";
    for (var y = 0; y < count; y += 1) {
      for (var x = 0; x < count; x += 1) {
        if (code.isDark(y, x)) { path += "M" + (x + QR_QUIET_ZONE) + " " + (y + QR_QUIET_ZONE) + "h1v1h-1z"; }
      }
    }
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("class", "handout__qr-code");
    svg.setAttribute("shape-rendering", "crispEdges");
    var shape = document.createElementNS(SVG, "path");
    shape.setAttribute("d", path);
    shape.setAttribute("fill", "#000");
    svg.append(shape);
    return svg;
  }

  function showAddress() {
    // Without the published address (no SITE_URL) the screen shows this page's own address and the printout none.
    var address = (form.dataset.address || location.origin + location.pathname) + query();
    link.href = address;
    link.textContent = address;
    var printed = closing.querySelector(".handout__address a");
    if (printed) {
      printed.href = address;
      printed.textContent = address;
    }
    var qr = closing.querySelector(".handout__qr");
    if (qr) { qr.replaceChildren(qrCode(address)); }
  }

  function showNote() {
    var note = noteField.value.trim();
    noteText.textContent = note;
    noteOut.hidden = note === "";
  }

  function setState(state) {
    preview.dataset.state = state;
    status.textContent = status.dataset[state] || "";
    if (state === "loading") { preview.setAttribute("aria-busy", "true"); } else { preview.removeAttribute("aria-busy"); }
  }

  var latest = 0;

  function update() {
    var run = latest += 1;
    showAddress();
    var chosen = chosenTopics();
    var languages = languageChoice().split("-");
    if (!chosen.length) {
      content.replaceChildren();
      sheet.hidden = true;
      setState("empty");
      return;
    }
    setState("loading");
    Promise.all(chosen.map(function (fieldset) {
      return Promise.all(languages.map(function (language) { return load(articleUrl(fieldset, language)); }))
        .then(function (docs) { return topicSection(fieldset, languages, docs); });
    })).then(function (built) {
      if (run !== latest) { return; }
      content.replaceChildren.apply(content, built.map(function (topic) { return topic.section; }));
      closing.querySelectorAll("[data-composer-disclaimer]").forEach(function (extra) { extra.remove(); });
      languages.forEach(function (language, index) {
        var disclaimer = built[0].disclaimers[index];
        if (language === pageLanguage || !disclaimer) { return; }
        var extra = document.importNode(disclaimer, true);
        extra.lang = language;
        extra.setAttribute("data-composer-disclaimer", "");
        closing.querySelector(".handout__text").append(extra);
      });
      sheet.hidden = false;
      setState("ready");
    }, function () {
      if (run === latest) { setState("error"); }
    });
  }

  // --- Wiring ----------------------------------------------------------------------------------------------------

  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("input", function (event) {
    if (event.target === noteField) { showNote(); }
  });
  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target === noteField) { return; }
    var fieldset = target.closest("[data-article]");
    if (fieldset && target.matches("[data-part]") && target.checked) { topicBox(fieldset).checked = true; }
    if (fieldset && target.matches("[data-topic]") && !target.checked) {
      partBoxes(fieldset).forEach(function (box) { box.checked = false; });
    }
    history.replaceState(null, "", location.pathname + query() + location.hash);
    update();
  });
  form.querySelector("[data-composer-print]").addEventListener("click", function () { window.print(); });

  restore();
  showNote();
  form.hidden = false;
  preview.hidden = false;
  update();
})();
