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
