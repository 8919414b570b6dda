/*
 * Keyboard corrections to Material's header and navigation drawer (patient_info/material_patches.py explains the
 * markup side; tests/test_accessibility.py walks every page with the keyboard). A deferred file (overrides/main.html):
 * no inline script, so the Content-Security-Policy in _headers needs no exception.
 *
 * 1. The drawer and the search start closed. material_markup.py removes Material's autocomplete="off" from their
 *    hidden checkboxes (the HTML standard allows it only on text fields), which kept Firefox from restoring an open
 *    drawer or search after a reload.
 * 2. Space opens the header's menu and search buttons, as it does any button: material_markup.py puts these
 *    labels in the tab order, and Material's own keyboard handler already opens a focused label with Enter.
 * 3. The navigation drawer (phones, narrow or zoomed windows) behaves like a menu for the keyboard: opened from the
 *    menu button, the focus moves into it; Escape closes it and returns to the menu button; when the focus leaves
 *    it, it closes, because its overlay would hide wherever the focus went.
 */
(function () {
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
})();
