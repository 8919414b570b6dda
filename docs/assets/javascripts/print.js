/*
 * Patient handout (see overrides/main.html and assets/stylesheets/print.css). Loaded through extra_javascript,
 * never inline, so a Content-Security-Policy without 'unsafe-inline' keeps working.
 *
 * - The "Afdrukken" / "Print" button opens the browser's print dialog; it stays hidden without JavaScript.
 * - "Date printed": today's date in words, set now and again just before printing (a tab left open overnight).
 *   Without JavaScript the handout shows the site's build date instead, labelled as such. When
 *   scripts/make_handouts.py writes a ready-made PDF it sets <html data-handout-mode="pdf"> and the label
 *   becomes "PDF gemaakt op" / "PDF made on": a PDF is printed later than it is made.
 * - Collapsed blocks (<details>) are opened for printing and closed again afterwards; print.css has a CSS
 *   fallback. Ctrl+P fires the same events as the button, so both give the same printout.
 */
(function () {
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

  document.querySelectorAll("[data-handout-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
    button.hidden = false;
  });
  stampDate();
})();
