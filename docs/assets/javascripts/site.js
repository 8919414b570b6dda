/*
 * Rug in beweging's own behaviour, one file (one request), loaded before Material's bundle (overrides/main.html).
 * 1. Search (overrides/partials/search.html, assets/javascripts/search.js): nothing of it loads with the page.
 *    The dialog opens as Material's did (header button, "/", "s" or "f", focus on the field); the search module
 *    and its data load when it opens. A page opened from a search result (?h=word&h=word) highlights those words;
 *    one opened from a red flag (?flag=id) marks that line of the urgency advice.
 * 2. Patient handout (overrides/main.html; print rules in assets/stylesheets/site.css).
 * 3. The language switch keeps the section you are reading.
 * 4. The home page's search field opens the header's search (overrides/home.html).
 * 5. Keyboard corrections to Material's header and navigation drawer.
 */
(function search() {
  "use strict";

  var here = document.querySelector('script[src$="assets/javascripts/site.js"]').src; // search.js is found from it
  var toggle = document.getElementById("__search");
  var field = document.querySelector("[data-site-search] .md-search__input");
  var loading = null;

  function start() {
    if (!loading) {
      loading = import(new URL("search.js", here).href);
    }
    if (!toggle.checked) { toggle.checked = true; }
  }

  if (toggle && field) {
    field.addEventListener("focus", start);
    toggle.addEventListener("change", function () {
      if (toggle.checked) { field.focus(); }
    });
    // As in Material: the search closes when the focus leaves it (its overlay would cover where the focus went).
    var dialog = field.closest("[data-site-search]");
    dialog.addEventListener("focusout", function (event) {
      if (!event.relatedTarget || !dialog.contains(event.relatedTarget)) { toggle.checked = false; }
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      var typing = target.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[/sf]$/.test(event.key)) {
        event.preventDefault();
        toggle.checked = true;
        field.focus();
      }
    });
  }

  // Opened from a red flag in the search (?flag=id&flag=id): those lines of the urgency advice are marked, and the
  // first is brought into view (search.js; the lines' ids are docs/_shared/urgency.yml's).
  var flags = new URLSearchParams(location.search).getAll("flag");
  var flagged = Array.prototype.filter.call(document.querySelectorAll(".urgency-cards [data-urgency-item]"),
    function (line) { return flags.indexOf(line.getAttribute("data-urgency-item")) !== -1; });
  flagged.forEach(function (line) { line.classList.add("urgency__item--flagged"); });
  if (flagged.length) {
    // Once the page has laid out (its fonts and the browser's own scrolling done).
    window.addEventListener("load", function () { flagged[0].scrollIntoView({ block: "center" }); });
  }

  // Opened from a search result (?h=word&h=word): Pagefind's highlighter marks those words in the article (its
  // data-pagefind-body), whole words only ("ijs", not the "ijs" in "bijsluiter"), with Material's look for <mark>
  // (no style element of its own: the CSP allows none).
  if (new URLSearchParams(location.search).has("h")) {
    import(new URL("../../pagefind/pagefind-highlight.js", here).href).then(function (highlight) {
      new highlight.default({ highlightParam: "h", addStyles: false, markOptions: {
        className: "search-highlight",
        accuracy: { value: "exactly", limiters: ",.;:!?()[]\"'«»“”‘’".split("") },
      } });
    });
  }
})();

/*
 * 2. Patient handout (overrides/main.html; print rules in assets/stylesheets/site.css).
 * 3. The home page's search field opens the header's search (overrides/home.html).
 * - The "Afdrukken" / "Print" button opens the browser's print dialog; it stays hidden without JavaScript.
 * - "Date printed": today's date in words, set now and again just before printing (a tab left open overnight).
 *   Without JavaScript the handout shows the site's build date instead, labelled as such. When
 *   scripts/make_handouts.py writes a ready-made PDF it sets <html data-handout-mode="pdf"> and the label
 *   becomes "PDF gemaakt op" / "PDF made on": a PDF is printed later than it is made.
 * - Collapsed blocks (<details>) are opened for printing and closed again afterwards; site.css has a CSS
 *   fallback. Ctrl+P fires the same events as the button, so both give the same printout.
 * - The sources, review dates and closing block are wrapped in one element that site.css keeps on one page.
 */
(function patientHandout() {
  "use strict";

  var LOCALES = { nl: "nl-NL", en: "en-GB" };

  function isoDate(date) {
    var pad = function (number) { return String(number).padStart(2, "0"); };
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function stampDate() {
    var today = new Date();
    var language = document.documentElement.lang || "nl";
    var words = today.toLocaleDateString(LOCALES[language] || language, {
      day: "numeric", month: "long", year: "numeric"
    });
    var madeAsPdf = document.documentElement.dataset.handoutMode === "pdf";
    document.querySelectorAll("[data-handout-printed]").forEach(function (printed) {
      var time = printed.querySelector("time");
      time.textContent = words;
      time.dateTime = isoDate(today);
      if (madeAsPdf && printed.dataset.labelPdf) {
        printed.querySelector("strong").textContent = printed.dataset.labelPdf + ":";
      }
      printed.hidden = false;
    });
    document.querySelectorAll("[data-handout-built]").forEach(function (built) {
      built.hidden = true;
    });
  }

  var opened = [];

  function beforePrint() {
    stampDate();
    document.querySelectorAll("details:not([open])").forEach(function (details) {
      details.open = true;
      opened.push(details);
    });
  }

  function afterPrint() {
    opened.forEach(function (details) { details.open = false; });
    opened = [];
  }

  window.addEventListener("beforeprint", beforePrint);
  window.addEventListener("afterprint", afterPrint);
  // Print emulation (and some browsers' print preview) only switches the media type: follow it too.
  var print = window.matchMedia("print");
  print.addEventListener("change", function (event) {
    if (event.matches) { beforePrint(); } else { afterPrint(); }
  });

  // The sources, the review dates and the closing block print together, so the last page never holds the
  // closing block alone (Chromium does not keep to `break-before: avoid` there). One wrapper, kept on one page by
  // site.css; on screen it changes nothing.
  var closing = document.querySelector("aside.handout");
  var sources = document.getElementById("bronnen");
  if (closing && sources && sources.parentNode === closing.parentNode) {
    var end = document.createElement("div");
    end.className = "handout-end";
    sources.parentNode.insertBefore(end, sources);
    while (end.nextSibling) {
      var next = end.nextSibling;
      end.appendChild(next);
      if (next === closing) { break; }
    }
  }

  document.querySelectorAll("[data-handout-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
    button.hidden = false;
  });
  stampDate();
})();

/*
 * 3. The language switch keeps your place: a link in the language menu takes the section you are reading (the
 *    #anchor; section and question ids are the same in both languages) along to the other language. The light or
 *    dark palette is kept by Material itself, through one `extra.scope` for both languages (mkdocs.yml).
 */
(function languageSwitchKeepsPlace() {
  "use strict";

  // Material fetches sitemap.xml next to each language link, for instant navigation only (off here): fail those
  // requests at once without the network, as Material's 404 did.
  var SITEMAP = /\/sitemap\.xml$/;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.sitemap = SITEMAP.test(new URL(String(url), location.href).pathname);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    if (!request.sitemap) { return send.apply(request, arguments); }
    setTimeout(function () { request.dispatchEvent(new ProgressEvent("error")); });
  };

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (link && location.hash) {
      link.hash = location.hash;
    }
  }, true);
})();

/*
 * 4. The home page's search field (overrides/home.html) opens Material's search dialog with the words typed so far:
 *    on a tap or click, the first character, Enter or its button. Without script there is no search: the field is
 *    hidden then (`search-hint`, site.css) and the page links every question instead.
 */
(function homeSearch() {
  "use strict";

  var form = document.querySelector("form[data-home-search]");
  if (!form) { return; }
  var field = form.querySelector("input[name=q]");

  function openSearch() {
    var toggle = document.getElementById("__search");
    var input = document.querySelector("input.md-search__input");
    if (!toggle || !input) { return false; }
    if (!toggle.checked) { toggle.click(); } // as Material does: fires its change event
    var words = field.value;
    field.value = "";
    input.value = words;
    input.focus();
    input.setSelectionRange(words.length, words.length);
    // Material reads the query on keyup and on focus.
    input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
    return true;
  }

  form.addEventListener("submit", function (event) {
    if (openSearch()) { event.preventDefault(); }
  });
  field.addEventListener("input", openSearch);
  field.addEventListener("click", openSearch);
})();

/*
 * 5. Keyboard corrections to Material's header and navigation drawer (patient_info/material_patches.py explains the
 *    markup side; tests/test_accessibility.py walks every page with the keyboard). They start at DOMContentLoaded,
 *    as a deferred file would: after Material's bundle has run, before Material's own DOMContentLoaded work.
 *    1. The drawer and the search start closed. material_patches.py removes Material's autocomplete="off" from their
 *       hidden checkboxes (the HTML standard allows it only on text fields), which kept Firefox from restoring an open
 *       drawer or search after a reload.
 *    2. Space opens the header's menu and search buttons, as it does any button: material_patches.py puts these
 *       labels in the tab order, and Material's own keyboard handler already opens a focused label with Enter.
 *    3. The navigation drawer (phones, narrow or zoomed windows) behaves like a menu for the keyboard: opened from the
 *       menu button, the focus moves into it; Escape closes it and returns to the menu button; when the focus leaves
 *       it, it closes, because its overlay would hide wherever the focus went.
 */
document.addEventListener("DOMContentLoaded", function materialFixes() {
  "use strict";

  // Not the search when the address asks for one (?q=words): Material has opened it already.
  var searchAsked = new URLSearchParams(location.search).has("q");
  document.querySelectorAll("input.md-toggle[data-md-toggle]").forEach(function (toggle) {
    if (!(searchAsked && toggle.id === "__search")) { toggle.checked = false; }
  });

  var drawer = document.getElementById("__drawer");
  var sidebar = document.querySelector(".md-sidebar--primary");
  var menuButton = document.querySelector('label.md-header__button[for="__drawer"]');

  function setDrawer(open) {
    if (drawer.checked !== open) {
      drawer.checked = open;
      drawer.dispatchEvent(new Event("change")); // Material locks and unlocks page scrolling on this event
    }
  }

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === " " && target instanceof HTMLLabelElement && target.matches(".md-header__button[tabindex]")) {
      event.preventDefault();
      target.click();
    } else if (event.key === "Escape" && drawer && drawer.checked) {
      setDrawer(false);
      if (menuButton) { menuButton.focus(); }
    }
  });

  if (!drawer || !sidebar) { return; }

  drawer.addEventListener("change", function () {
    if (drawer.checked && document.activeElement === menuButton) {
      var first = sidebar.querySelector("a[href], button, input, summary, [tabindex]:not([tabindex='-1'])");
      if (first) {
        // The drawer becomes visible (and focusable) as its slide starts: one frame later.
        requestAnimationFrame(function () { first.focus(); });
      }
    }
  });

  document.addEventListener("focusin", function (event) {
    if (drawer.checked && !sidebar.contains(event.target)) { setDrawer(false); }
  });
});
