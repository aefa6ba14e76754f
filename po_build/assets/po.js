// po-build: instant filtering of the report list on the current page.
// Progressive enhancement only: the facet links work without JavaScript.
(function () {
  "use strict";
  function setup() {
    var list = document.querySelector(".po-cards[data-po-filter]");
    if (!list || list.dataset.poReady) { return; }
    list.dataset.poReady = "1";
    var cards = Array.prototype.slice.call(list.querySelectorAll(".po-card"));
    var wrap = document.createElement("div");
    wrap.className = "po-filter";
    var id = "po-filter-input";
    wrap.innerHTML =
      '<label for="' + id + '">Sök bland rapporterna på den här sidan</label>' +
      '<input id="' + id + '" type="search" autocomplete="off">' +
      '<p class="po-filter__status" role="status" aria-live="polite"></p>';
    list.parentNode.insertBefore(wrap, list);
    var input = wrap.querySelector("input");
    var status = wrap.querySelector(".po-filter__status");
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      cards.forEach(function (card) {
        var text = card.textContent.toLowerCase();
        var match = words.every(function (w) { return text.indexOf(w) !== -1; });
        card.hidden = !match;
        if (match) { shown += 1; }
      });
      status.textContent = words.length ? shown + " av " + cards.length + " visas" : "";
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();

// Keyboard access to Material's menu. On phones and tablets the navigation is a drawer opened
// by a <label> for a hidden checkbox, which the Tab key never reaches: here the label becomes a
// button (Enter or Space opens the drawer and moves focus into it, Escape closes it again).
// po.css keeps the closed drawer's links out of the tab order, since they are off screen.
(function () {
  "use strict";
  function setup() {
    var toggle = document.getElementById("__drawer");
    var button = document.querySelector('label.md-header__button[for="__drawer"]');
    var drawer = document.querySelector(".md-sidebar--primary");
    if (!toggle || !button || !drawer || button.dataset.poReady) { return; }
    button.dataset.poReady = "1";
    if (!drawer.id) { drawer.id = "po-meny"; }
    button.setAttribute("role", "button");
    button.setAttribute("tabindex", "0");
    button.setAttribute("aria-label", "Meny");
    button.setAttribute("aria-controls", drawer.id);
    function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
    sync();
    toggle.addEventListener("change", sync);
    button.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") { return; }
      // Material clicks a focused label on Enter itself; stopped here, so it is not toggled twice.
      event.preventDefault();
      event.stopPropagation();
      // A click on the label toggles the checkbox the way Material expects (a change event).
      button.click();
      if (toggle.checked) {
        var first = drawer.querySelector("a[href]");
        if (first) { window.setTimeout(function () { first.focus(); }, 0); }
      }
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked) {
        button.click();
        button.focus();
      }
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
