"use strict";
// The admin's autocomplete boxes (Select2) draw their own field and search input and leave both
// without the field's name, so a screen reader announces an unnamed box. Name each after the
// field's <label>, now and whenever Select2 draws them again (a selection, an opened list).
(function () {
  function labelFor(selectId) {
    const label = selectId && document.querySelector('label[for="' + selectId + '"]');
    if (!label) { return null; }
    if (!label.id) { label.id = selectId + "-label"; }
    return label;
  }

  function nameBoxes() {
    document.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      const label = labelFor(select.id);
      const container = select.nextElementSibling;
      if (!label || !container || !container.classList.contains("select2")) { return; }
      const name = label.textContent.replace(/:\s*$/, "").trim();
      container.querySelectorAll(".select2-selection").forEach(function (box) {
        if (box.getAttribute("aria-labelledby") !== label.id) { box.setAttribute("aria-labelledby", label.id); }
      });
      // The box's text, the chosen value, is drawn in a read-only textbox of its own.
      container.querySelectorAll(".select2-selection__rendered[role=textbox]").forEach(function (shown) {
        if (shown.getAttribute("aria-label") !== name) { shown.setAttribute("aria-label", name); }
      });
    });
    // Search inputs, inline (a multiple choice) or in an opened list: aria-controls names the
    // list "select2-<select id>-results".
    document.querySelectorAll("input.select2-search__field").forEach(function (input) {
      const match = /^select2-(.+)-results$/.exec(input.getAttribute("aria-controls") || "");
      const inline = input.closest(".select2") && input.closest(".select2").previousElementSibling;
      const selectId = match ? match[1] : (inline && inline.id);
      const label = labelFor(selectId);
      const name = label ? "Search " + label.textContent.replace(/:\s*$/, "").trim() : "Search";
      if (input.getAttribute("aria-label") !== name) { input.setAttribute("aria-label", name); }
    });
  }

  function start() {
    nameBoxes();
    new MutationObserver(nameBoxes).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
