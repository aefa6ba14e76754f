// po-build's JavaScript. Progressive enhancement only: every page works without it (the
// static facet pages, the links, the citation), and nothing here loads anything from
// another host or uses a third-party library.
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", fn);
    } else {
      fn();
    }
  }

  // "Försäkringskassan" and "forsakringskassan" are the same word to a reader typing on a
  // phone: compare without diacritics and case.
  function fold(text) {
    return String(text).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function element(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { e.setAttribute(name, attrs[name]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
  }

  // -- Feed links and Material ---------------------------------------------------------
  // Material's script takes every <link rel="alternate"> for a language version of the site
  // and fetches "sitemap.xml" next to it: for flode/atom.xml that is flode/sitemap.xml, which
  // does not exist, so every page made a request that failed. It looks when the document
  // has loaded; this runs before that (scripts at the end of <body> run first), so the feed
  // links are out of its way then and back as they were right after. Feed readers read the
  // HTML itself, where the links are unchanged.
  var feeds = Array.prototype.slice.call(
    document.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]'));
  feeds.forEach(function (link) { link.setAttribute("rel", "alternate feed"); });
  document.addEventListener("DOMContentLoaded", function () {
    window.setTimeout(function () {
      feeds.forEach(function (link) { link.setAttribute("rel", "alternate"); });
    }, 0);
  });

  // -- The list a report was opened from -------------------------------------------------
  var LIST_KEY = "po-lista";

  function rememberList(title) {
    try {
      window.sessionStorage.setItem(LIST_KEY, JSON.stringify({ url: window.location.href, title: title }));
    } catch (e) { /* storage can be switched off; the static link stays */ }
  }

  function pageHeading() {
    var h1 = document.querySelector(".md-content h1");
    return h1 ? h1.textContent.trim() : document.title;
  }

  ready(function () {
    var back = document.querySelector("a[data-po-back]");
    if (back) {
      var stored = null;
      try { stored = JSON.parse(window.sessionStorage.getItem(LIST_KEY) || "null"); } catch (e) { stored = null; }
      // Only when the reader came from that list: a list seen long ago is not "back".
      if (stored && stored.url && document.referrer && stored.url.split("#")[0] === document.referrer.split("#")[0]) {
        back.href = stored.url;
        back.textContent = "Tillbaka till " + stored.title;
      }
    } else if (document.querySelector(".md-content .po-cards")) {
      rememberList(pageHeading());
    }
  });

  // -- Copy the report's permanent link ------------------------------------------------------
  ready(function () {
    var button = document.querySelector("button[data-po-copy]");
    var url = document.querySelector("[data-po-permalink]");
    if (!button || !url) { return; }
    var status = document.querySelector(".po-copy__status");
    // Without site_url in mkdocs.yml the page knows only its own address: make it absolute.
    var absolute = new URL(url.getAttribute("data-po-permalink"), window.location.href).href;
    if (url.textContent.indexOf("://") === -1) { url.textContent = absolute; }
    absolute = url.textContent.trim();
    button.hidden = false;
    function done(ok) {
      status.textContent = ok ? "Länken är kopierad." : "Det gick inte att kopiera. Markera länken ovan och kopiera den.";
    }
    function fallback() {
      var field = element("textarea", { readonly: "", "aria-hidden": "true" });
      field.value = absolute;
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(field);
      button.focus();
      done(ok);
    }
    button.addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(absolute).then(function () { done(true); }, fallback);
      } else {
        fallback();
      }
    });
  });

  // -- Facet links that combine --------------------------------------------------------------
  // On a facet page (and on the start page's figures) a link to another facet's value goes to
  // the combined filter, /brister/?<this page's value>&<the value>, which counts as the page does.
  ready(function () {
    var nav = document.querySelector("nav.po-facets[data-po-index]");
    if (nav && !nav.hasAttribute("data-po-combined")) {
      var list = nav.getAttribute("data-po-list");
      var current = nav.getAttribute("data-po-current") || "";
      var facet = current.split("=")[0];
      Array.prototype.forEach.call(nav.querySelectorAll("a[data-po-facet]"), function (a) {
        var key = a.getAttribute("data-po-facet");
        if (key === facet) { return; }
        var query = (current ? current + "&" : "") + key + "=" + encodeURIComponent(a.getAttribute("data-po-value"));
        a.href = list + "?" + query;
      });
    }
    var figures = document.querySelector("[data-po-list-url]");
    if (figures) {
      Array.prototype.forEach.call(figures.querySelectorAll("a[data-po-combine]"), function (a) {
        a.href = figures.getAttribute("data-po-list-url") + "?" + a.getAttribute("data-po-combine");
      });
    }
  });

  // -- Combined filtering on /brister/ ---------------------------------------------------------
  ready(function () {
    var nav = document.querySelector("nav.po-facets[data-po-index][data-po-combined]");
    if (!nav || !window.fetch || !window.URLSearchParams) { return; }
    window.fetch(nav.getAttribute("data-po-index"))
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (index) { combined(nav, index); })
      .catch(function () { pageSearch(); })  // the static list and facet pages stay as they are
      .then(function () { nav.setAttribute("data-po-ready", "1"); });  // for tests: the form is there
  });

  function combined(nav, index) {
    var root = nav.getAttribute("data-po-root");
    var perPage = parseInt(nav.getAttribute("data-po-per-page"), 10) || 50;
    var main = document.querySelector(".po-list-main");
    var count = document.querySelector(".po-count");
    var heading = document.querySelector(".md-content h1");
    if (!main || !count) { return; }
    var allHeading = heading ? heading.textContent : "";
    var facets = index["facetter"];
    var reports = index["brister"];
    var names = {};
    facets.forEach(function (f) {
      names[f.nyckel] = {};
      f["värden"].forEach(function (v) { names[f.nyckel][v.id] = v.namn; });
    });
    reports.forEach(function (r) {
      var words = [r.id, r.rubrik];
      facets.forEach(function (f) {
        (r[f.nyckel] || []).forEach(function (v) { words.push(names[f.nyckel][v]); });
      });
      r.po_text = fold(words.join(" "));
    });

    // The state, read from and written to the address, so that a filtered view can be shared.
    var state = { q: "", chosen: {} };
    var params = new URLSearchParams(window.location.search);
    facets.forEach(function (f) {
      state.chosen[f.nyckel] = {};
      params.getAll(f.nyckel).forEach(function (value) {
        value.split(",").forEach(function (v) {
          if (names[f.nyckel][v] !== undefined) { state.chosen[f.nyckel][v] = true; }
        });
      });
    });
    state.q = params.get("q") || "";
    var shown = perPage;

    // The form takes the place of the facet links.
    var feed = count.querySelector("a");
    nav.textContent = "";
    nav.appendChild(element("h2", { "class": "po-facets__title" }, "Filtrera"));
    var search = element("div", { "class": "po-filter" });
    search.appendChild(element("label", { "for": "po-sok" }, "Sök bland bristerna"));
    var input = element("input", { id: "po-sok", type: "search", autocomplete: "off" });
    input.value = state.q;
    search.appendChild(input);
    nav.appendChild(search);
    var boxes = {};
    var countSpans = {};
    facets.forEach(function (f) {
      var details = element("details");
      var summary = element("summary", {}, f.titel);
      var chosenNote = element("span", { "class": "po-facet-chosen" });
      summary.appendChild(chosenNote);
      details.appendChild(summary);
      var fieldset = element("fieldset");
      fieldset.appendChild(element("legend", { "class": "po-visually-hidden" }, f.titel));
      var ul = element("ul");
      boxes[f.nyckel] = {};
      countSpans[f.nyckel] = {};
      f["värden"].forEach(function (v) {
        var id = "po-f-" + f.nyckel + "-" + v.id;
        var li = element("li");
        var box = element("input", { type: "checkbox", id: id, name: f.nyckel, value: v.id });
        box.checked = !!state.chosen[f.nyckel][v.id];
        var label = element("label", { "for": id }, v.namn + " ");
        var n = element("span", { "class": "po-facet-count" });
        label.appendChild(n);
        li.appendChild(box);
        li.appendChild(label);
        ul.appendChild(li);
        boxes[f.nyckel][v.id] = box;
        countSpans[f.nyckel][v.id] = n;
        box.addEventListener("change", function () {
          if (box.checked) { state.chosen[f.nyckel][v.id] = true; } else { delete state.chosen[f.nyckel][v.id]; }
          shown = perPage;
          update(true);
        });
      });
      fieldset.appendChild(ul);
      details.appendChild(fieldset);
      details.po_note = chosenNote;
      details.po_key = f.nyckel;
      // Opened where a value is chosen, on a wide screen; on a phone the panel would push the
      // list far down, and the chosen values stand above the list anyway.
      if (Object.keys(state.chosen[f.nyckel]).length && window.matchMedia("(min-width: 60em)").matches) {
        details.open = true;
      }
      nav.appendChild(details);
    });

    // What is chosen, each one removable, above the list.
    var chosenList = element("ul", { "class": "po-chosen", "aria-label": "Valda filter" });
    var clear = element("button", { type: "button", "class": "po-filter-clear" }, "Ta bort alla filter");
    var chosenBox = element("div", { "class": "po-chosen-box" });
    chosenBox.appendChild(chosenList);
    chosenBox.appendChild(clear);
    main.insertBefore(chosenBox, main.firstChild);
    var pagination = main.querySelector(".po-pagination");
    if (pagination) { pagination.hidden = true; }
    var oldList = main.querySelector(".po-cards, .po-empty");
    var list = element("ol", { "class": "po-cards" });
    if (oldList) { main.replaceChild(list, oldList); } else { main.appendChild(list); }
    var more = element("button", { type: "button", "class": "po-more" });
    main.appendChild(more);
    count.setAttribute("role", "status");

    clear.addEventListener("click", function () {
      facets.forEach(function (f) { state.chosen[f.nyckel] = {}; });
      state.q = "";
      input.value = "";
      Object.keys(boxes).forEach(function (k) {
        Object.keys(boxes[k]).forEach(function (v) { boxes[k][v].checked = false; });
      });
      shown = perPage;
      update(true);
      input.focus();
    });
    input.addEventListener("input", function () {
      state.q = input.value;
      shown = perPage;
      update(true);
    });
    more.addEventListener("click", function () {
      var first = list.children.length;
      shown += perPage;
      update(false);
      var next = list.children[first] && list.children[first].querySelector("a");
      if (next) { next.focus(); }
    });

    function matchesFacet(r, key) {
      var chosen = Object.keys(state.chosen[key]);
      if (!chosen.length) { return true; }
      var own = r[key] || [];
      // Several values in one facet: any of them (Försäkringskassan or Arbetsförmedlingen).
      return chosen.some(function (v) { return own.indexOf(v) !== -1; });
    }

    function matchesText(r, words) {
      return words.every(function (w) { return r.po_text.indexOf(w) !== -1; });
    }

    function card(r) {
      var li = element("li", { "class": "po-card" });
      var h3 = element("h3", { "class": "po-card__title" });
      h3.appendChild(element("a", { href: root + r.url }, r.rubrik));
      li.appendChild(h3);
      var meta = element("p", { "class": "po-card__meta" });
      meta.appendChild(element("span", { "class": "po-card__id" }, r.id));
      meta.appendChild(element("span", {}, r["när"]));
      (r.niva || []).forEach(function (v) { meta.appendChild(element("span", {}, names.niva[v])); });
      (r.status || []).forEach(function (v) {
        meta.appendChild(element("span", { "class": "po-status po-status--" + v }, names.status[v]));
      });
      if (r["gånger"] > 1) { meta.appendChild(element("span", {}, "Uppmärksammad " + r["gånger"] + " gånger")); }
      li.appendChild(meta);
      li.appendChild(element("p", { "class": "po-card__actors" },
        (r.aktor || []).map(function (v) { return names.aktor[v]; }).join(", ")));
      return li;
    }

    function query() {
      var out = new URLSearchParams();
      facets.forEach(function (f) {
        Object.keys(state.chosen[f.nyckel]).forEach(function (v) { out.append(f.nyckel, v); });
      });
      if (state.q.trim()) { out.set("q", state.q.trim()); }
      return out.toString();
    }

    function update(writeAddress) {
      var words = fold(state.q).split(/\s+/).filter(Boolean);
      var byText = reports.filter(function (r) { return matchesText(r, words); });
      var matching = byText.filter(function (r) {
        return facets.every(function (f) { return matchesFacet(r, f.nyckel); });
      });
      // A value's count: the reports that would match if it were chosen, the other facets as they are.
      facets.forEach(function (f) {
        var rest = byText.filter(function (r) {
          return facets.every(function (g) { return g.nyckel === f.nyckel || matchesFacet(r, g.nyckel); });
        });
        f["värden"].forEach(function (v) {
          var n = rest.filter(function (r) { return (r[f.nyckel] || []).indexOf(v.id) !== -1; }).length;
          countSpans[f.nyckel][v.id].textContent = "(" + number(n) + ")";
          var box = boxes[f.nyckel][v.id];
          box.parentNode.classList.toggle("po-facet-empty", n === 0 && !box.checked);
        });
      });
      Array.prototype.forEach.call(nav.querySelectorAll("details"), function (d) {
        var n = Object.keys(state.chosen[d.po_key]).length;
        d.po_note.textContent = n ? " (" + n + " " + (n === 1 ? "vald" : "valda") + ")" : "";
      });
      chosenList.textContent = "";
      var chosenNames = [];
      facets.forEach(function (f) {
        Object.keys(state.chosen[f.nyckel]).forEach(function (v) {
          var name = names[f.nyckel][v];
          chosenNames.push(name);
          var li = element("li");
          var remove = element("button", { type: "button", "class": "po-chip",
            "aria-label": "Ta bort filtret " + f.titel.toLowerCase() + ": " + name }, name);
          remove.addEventListener("click", function () {
            delete state.chosen[f.nyckel][v];
            boxes[f.nyckel][v].checked = false;
            shown = perPage;
            update(true);
            var chips = chosenList.querySelectorAll("button");
            (chips.length ? chips[0] : input).focus();
          });
          li.appendChild(remove);
          chosenList.appendChild(li);
        });
      });
      if (state.q.trim()) { chosenNames.push("”" + state.q.trim() + "”"); }
      chosenBox.hidden = chosenNames.length === 0;
      if (heading) { heading.textContent = chosenNames.length ? "Brister: " + chosenNames.join(", ") : allHeading; }

      list.textContent = "";
      matching.slice(0, shown).forEach(function (r) { list.appendChild(card(r)); });
      var left = matching.length - Math.min(shown, matching.length);
      more.hidden = left <= 0;
      more.textContent = "Visa fler (" + number(left) + " till)";
      var text = chosenNames.length
        ? number(matching.length) + " av " + number(reports.length) + " brister. Nyast först."
        : (reports.length === 1 ? "1 brist" : number(reports.length) + " brister") + ". Nyast först.";
      count.textContent = text;
      if (feed) { count.appendChild(document.createTextNode(" ")); count.appendChild(feed); }
      if (!matching.length) {
        list.appendChild(element("li", { "class": "po-empty" }, "Inga brister passar alla valda filter. Ta bort ett filter för att se fler."));
      }
      if (writeAddress) {
        var q = query();
        window.history.replaceState(null, "", window.location.pathname + (q ? "?" + q : ""));
      }
      rememberList(chosenNames.length ? "Brister: " + chosenNames.join(", ") : pageHeading());
    }

    update(false);
  }

  // -- Search within the reports of one page ---------------------------------------------------
  // On the facet pages and the list of positive events; /brister/ has the combined filter.
  ready(function () {
    // /brister/ searches in the combined filter, or here if its index cannot be read.
    if (document.querySelector("nav.po-facets[data-po-combined][data-po-index]") && window.fetch &&
        window.URLSearchParams) { return; }
    pageSearch();
  });

  function pageSearch() {
    var list = document.querySelector(".po-cards[data-po-filter]");
    if (!list || list.dataset.poReady) { return; }
    list.dataset.poReady = "1";
    var cards = Array.prototype.slice.call(list.querySelectorAll(".po-card"));
    var texts = cards.map(function (card) { return fold(card.textContent); });
    var wrap = element("div", { "class": "po-filter" });
    var id = "po-filter-input";
    wrap.appendChild(element("label", { "for": id }, "Sök bland rapporterna på den här sidan"));
    var input = element("input", { id: id, type: "search", autocomplete: "off" });
    wrap.appendChild(input);
    var status = element("p", { "class": "po-filter__status", role: "status", "aria-live": "polite" });
    wrap.appendChild(status);
    list.parentNode.insertBefore(wrap, list);
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(Boolean);
      var shown = 0;
      cards.forEach(function (card, i) {
        var match = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
        card.hidden = !match;
        if (match) { shown += 1; }
      });
      status.textContent = words.length ? shown + " av " + cards.length + " visas" : "";
    });
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
