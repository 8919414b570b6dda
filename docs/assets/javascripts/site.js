/*
 * Rug in beweging's own behaviour, one file (one request), loaded before Material's bundle (overrides/main.html).
 * 1. Search data on demand: the index request waits until the reader starts to search, the search worker starts
 *    with its first message (a page opened from a search result loads the index at once, to highlight the
 *    words), and the sitemap.xml requests Material makes next to each language link (used only by
 *    instant navigation, off here) fail at once without the network, as Material's 404 did.
 * 2. Patient handout (overrides/main.html; print rules in assets/stylesheets/site.css).
 * 3. The language switch keeps the section you are reading.
 * 4. The home page's search field opens the header's search (overrides/home.html).
 */
(function searchOnDemand() {
  "use strict";

  var INDEX = /\/search\/search_index\.json$/;
  var SITEMAP = /\/sitemap\.xml$/;
  var WORKER = /\/workers\/search\.[^/]*\.js$/;
  var started = false;
  var waiting = [];

  function start() {
    if (started) { return; }
    started = true;
    waiting.splice(0).forEach(function (send) { send(); });
  }

  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.siteUrl = new URL(String(url), location.href).pathname;
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (SITEMAP.test(request.siteUrl || "")) {
      setTimeout(function () { request.dispatchEvent(new ProgressEvent("error")); });
      return;
    }
    if (INDEX.test(request.siteUrl || "") && !started) {
      waiting.push(function () { send.apply(request, args); });
      return;
    }
    return send.apply(request, args);
  };

  // Material talks to its worker through addEventListener and postMessage only.
  var RealWorker = window.Worker;
  window.Worker = function (url, options) {
    if (!WORKER.test(new URL(String(url), location.href).pathname)) {
      return new RealWorker(url, options);
    }
    var stand_in = new EventTarget();
    var worker = null;
    stand_in.postMessage = function (message) {
      if (!worker) {
        worker = new RealWorker(url, options);
        worker.addEventListener("message", function (event) {
          stand_in.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
        worker.addEventListener("error", function () { stand_in.dispatchEvent(new Event("error")); });
      }
      worker.postMessage(message);
    };
    stand_in.terminate = function () { if (worker) { worker.terminate(); } };
    return stand_in;
  };

  // A page opened from a search result (?h=words) highlights those words, which needs the index: load it now.
  if (new URLSearchParams(location.search).has("h")) { start(); }
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("input.md-search__input")) { start(); }
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) { start(); }
  });
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

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (link && location.hash) {
      link.hash = location.hash;
    }
  }, true);
})();

/*
 * 4. The home page's search field (overrides/home.html) opens Material's search dialog with the words typed so far:
 *    on a tap or click, the first character, Enter or its button. Without script the form sends ?q=words, which
 *    Material opens as a search itself.
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
