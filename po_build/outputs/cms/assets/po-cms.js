/* po-build: the form's own widgets, checks and preview for Decap CMS.
 *
 * Plain ES2017 with no build step: Decap's bundle gives us CMS, h (React's
 * createElement) and createClass. Every rule a widget applies is read from the
 * field's options in config.yml, which po-build generates from the schema and the
 * vocabulary: nothing about the content format is written here a second time.
 * The same rules are checked again by `po check` on the pull request; this file
 * only lets the ombud see a mistake before submitting.
 */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  var createClass = window.createClass;

  // --- small helpers -----------------------------------------------------------

  function today() {
    // The local calendar day, as YYYY-MM-DD (the sv-SE date format is ISO).
    return new Date().toLocaleDateString("sv-SE");
  }

  function plain(value) {
    if (value && typeof value.toJS === "function") return value.toJS();
    return value;
  }

  function entryData(props) {
    var entry = props.getEntry ? props.getEntry() : props.entry;
    return entry ? entry.get("data") : null;
  }

  function fieldValue(props, name) {
    var data = entryData(props);
    return data ? plain(data.get(name)) : undefined;
  }

  function isNewEntry(props) {
    var entry = props.getEntry ? props.getEntry() : props.entry;
    return !!(entry && entry.get("newRecord"));
  }

  function label(field) {
    return field.get("label") || field.get("name");
  }

  function error(message) {
    return { error: { type: "CUSTOM", message: message } };
  }

  var MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
    "september", "oktober", "november", "december"];

  function monthText(iso) {
    // As the public site shows a date: month and year only (projection.month_text).
    var m = /^(\d{4})-(\d{2})-\d{2}$/.exec(iso || "");
    if (!m) return "";
    return MONTHS[parseInt(m[2], 10) - 1] + " " + m[1];
  }

  function isRealDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!m) return false;
    var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }

  // --- Swedish words for the workflow ------------------------------------------
  // Decap's "Publicera" merges the pull request; on a po-build site publishing is the
  // steering group's decision in the field `publicera`. Other words, so that nobody
  // believes a merge makes a report public.
  var WORDS = {
    auth: { loginWithForgejo: "Logga in med Forgejo" },
    app: { header: { workflow: "Inlämnade", content: "Rapporter", quickAdd: "Ny rapport", media: "Bilagor" } },
    collection: {
      collectionTop: { newButton: "Ny %{collectionLabel}", viewAsList: "Visa som lista", viewAsGrid: "Visa som rutnät" },
      entries: { noEntries: "Inga rapporter här ännu", unpublishedHeader: "Inlämnade, inte inlagda ännu" },
    },
    editor: {
      editorControl: { field: { widgetLabel: "Fält (%{widgetLabel})" } },
      editorInterface: { toggleNotes: "Visa eller dölj anteckningar" },
      editorNotesPane: {
        title: "Anteckningar", emptyState: "Inga anteckningar ännu.", addNote: "Lägg till anteckning",
        addPlaceholder: "Skriv en anteckning …", editPlaceholder: "Ändra anteckningen …", save: "Spara",
        cancel: "Avbryt", edit: "Ändra", delete: "Ta bort", resolve: "Markera som klar",
        unresolve: "Öppna igen", confirmDelete: "Vill du ta bort anteckningen?",
        shortcut: "Tips: Ctrl+Enter lägger till anteckningen",
      },
      editorWidgets: {
        list: { add: "Lägg till: %{item}", addType: "Lägg till: %{item}" },
        object: { expand: "Visa", collapse: "Dölj" },
        datetime: { setToNow: "Sätt %{fieldLabel} till nu" },
        markdown: { strikethrough: "Genomstruken", toggleMode: { rich: "Byt till formaterad text",
          markdown: "Byt till markdown" } },
        image: { chooseMultiple: "Välj bilder", addMore: "Lägg till fler bilder", removeAll: "Ta bort alla bilder" },
        file: { chooseMultiple: "Välj filer", addMore: "Lägg till fler filer", removeAll: "Ta bort alla filer" },
      },
      editorControlPane: {
        widget: {
          required: "%{fieldLabel} behöver fyllas i.",
          regexPattern: "%{pattern}",
          rangeMin: "Välj minst %{minCount} under %{fieldLabel}.",
        },
      },
      editor: {
        onPublishing: "Vill du lägga in rapporten i arkivet nu? Den blir offentlig först om styrgruppen " +
          "har kryssat i Publicera.",
        onPublishingNotReady: "Sätt status till ”Klar för beslut” innan rapporten läggs in.",
      },
      editorToolbar: {
        publish: "Lägg in i arkivet",
        publishNow: "Lägg in i arkivet nu",
        published: "Inlagd i arkivet",
        publishing: "Lägger in …",
        publishAndCreateNew: "Lägg in och skriv en ny",
        publishAndDuplicate: "Lägg in och kopiera",
        save: "Spara och lämna in",
        draft: "Utkast",
        inReview: "Till granskning",
        ready: "Klar för beslut",
        deleteUnpublishedEntry: "Ta bort inlämningen",
        statusInfoTooltipDraft: "Inlämningen är ett utkast. Sätt status till ”Till granskning” när den är klar " +
          "att granskas.",
        statusInfoTooltipInReview: "Inlämningen granskas. Du kan fortfarande ändra i den under tiden.",
      },
    },
    mediaLibrary: { mediaLibraryModal: { close: "Stäng" } },
    ui: {
      settingsDropdown: { account: "Kontomeny" },
      toast: {
        noteAdded: "Anteckningen är tillagd", onFailToAddNote: "Anteckningen kunde inte läggas till: %{details}",
        noteUpdated: "Anteckningen är ändrad", onFailToUpdateNote: "Anteckningen kunde inte ändras: %{details}",
        noteDeleted: "Anteckningen är borttagen", onFailToDeleteNote: "Anteckningen kunde inte tas bort: %{details}",
        noteResolved: "Anteckningen är markerad som klar", noteReopened: "Anteckningen är öppnad igen",
        onFailToToggleNote: "Anteckningen kunde inte ändras: %{details}",
        missingRequiredField: "Formuläret har något att rätta innan det kan sparas: se texten i rött vid fälten.",
        entrySaved: "Sparad och inlämnad för granskning.",
        entryPublished: "Inlagd i arkivet.",
      },
    },
    workflow: {
      workflow: {
        workflowHeading: "Inlämnade rapporter",
        // dayjs has no Swedish month names in Decap's bundle: the date as digits.
        dateFormat: "YYYY-MM-DD",
        newPost: "Ny rapport",
        description: "%{smart_count} inlämnad rapport väntar på granskning, %{readyCount} är klara för " +
          "beslut. |||| %{smart_count} inlämnade rapporter väntar på granskning, %{readyCount} är klara för beslut.",
      },
      workflowList: {
        draftHeader: "Utkast",
        inReviewHeader: "Till granskning",
        readyHeader: "Klar för beslut",
      },
      workflowCard: { publishNewEntry: "Lägg in i arkivet", publishChanges: "Lägg in ändringarna" },
    },
  };

  function merge(base, over) {
    var out = {};
    Object.keys(base || {}).forEach(function (k) { out[k] = base[k]; });
    Object.keys(over).forEach(function (k) {
      out[k] = over[k] && typeof over[k] === "object" ? merge((base || {})[k], over[k]) : over[k];
    });
    return out;
  }

  CMS.registerLocale("sv", merge(CMS.getLocale("sv"), WORDS));

  // --- datetime: a calendar date, never in the future ---------------------------
  // In place of Decap's own date widget (config.yml asks for `datetime`): the browser's
  // own date picker, a plain YYYY-MM-DD value, and the content format's rules.

  var DateControl = createClass({
    isValid: function () {
      var field = this.props.field;
      var value = this.props.value;
      if (!value) {
        var when = field.get("krävs_om");
        if (when && fieldValue(this.props, when) === true) {
          return error(label(field) + " behöver fyllas i när rutan ”" + when + "” är ikryssad.");
        }
        return true;
      }
      if (!isRealDate(value)) return error(label(field) + " ska vara ett datum, t.ex. 2026-03-14.");
      if (field.get("inte_framtid") && value > today()) {
        return error(label(field) + ": " + value + " ligger i framtiden – välj det datum då det hände.");
      }
      return true;
    },
    render: function () {
      var self = this;
      return h("input", {
        type: "date",
        id: this.props.forID,
        className: this.props.classNameWrapper,
        value: this.props.value || "",
        max: this.props.field.get("inte_framtid") ? today() : undefined,
        onChange: function (e) {
          self.props.onChange(e.target.value);
          // The id follows the year of the date; Decap does not redraw the id field for it.
          if (self.props.field.get("name") === "datum") {
            window.dispatchEvent(new CustomEvent("po-datum", { detail: e.target.value }));
          }
        },
        onFocus: this.props.setActiveStyle,
        onBlur: this.props.setInactiveStyle,
      });
    },
  });
  var DatePreview = function (props) { return h("span", {}, props.value || ""); };
  CMS.registerWidget("datetime", DateControl, DatePreview, (CMS.getWidget("datetime") || {}).schema);

  // --- po-id: the next free id, chosen for the ombud ----------------------------
  // The number is one more than the highest for the year of `datum`, on the main
  // branch and in the submissions still open in the form (every pull request the
  // form has made). Two ombud saving in the same minute, or a file added some other
  // way, can still give one number twice: `po krockar` on the pull request tells the
  // later one the next free number and how to change it.

  // The query function of the id widget, by collection, for the check again at saving.
  var idSources = {};

  function highestIn(ids, prefix) {
    var highest = 0;
    ids.forEach(function (id) {
      id = String(id || "");
      if (id.indexOf(prefix) === 0 && /^\d{3,4}$/.test(id.slice(prefix.length))) {
        highest = Math.max(highest, parseInt(id.slice(prefix.length), 10));
      }
    });
    return highest;
  }

  function nextId(source, year) {
    var prefix = source.prefix + "-" + year + "-";
    var onMain = source.query(source.forID, source.samling, ["id"], "").then(function (result) {
      var hits = (result && result.payload && result.payload.hits) || [];
      return hits.map(function (hit) { return hit.data && hit.data.id; });
    });
    return Promise.all([onMain, openIds()]).then(function (found) {
      return prefix + String(Math.max(highestIn(found[0], prefix), highestIn(found[1], prefix)) + 1)
        .padStart(3, "0");
    });
  }

  function yearOf(datum) {
    return isRealDate(datum) ? datum.slice(0, 4) : today().slice(0, 4);
  }

  var IdControl = createClass({
    getInitialState: function () { return { year: null, failed: false }; },
    componentDidMount: function () {
      this.mounted = true;
      var field = this.props.field;
      idSources[field.get("samling")] = {
        query: this.props.query, forID: this.props.forID, samling: field.get("samling"), prefix: field.get("prefix"),
      };
      var self = this;
      this.onDate = function (e) { self.refresh(yearOf(e.detail)); };
      window.addEventListener("po-datum", this.onDate);
      this.refresh();
    },
    componentWillUnmount: function () {
      this.mounted = false;
      window.removeEventListener("po-datum", this.onDate);
    },
    shouldComponentUpdate: function () { return true; },
    componentDidUpdate: function () { this.refresh(); },
    year: function () { return this.dateYear || yearOf(fieldValue(this.props, "datum")); },
    refresh: function (fromDate) {
      if (!isNewEntry(this.props)) return; // an existing report keeps its id for good
      if (fromDate) this.dateYear = fromDate;
      var year = this.year();
      if (year === this.state.year) return;
      var self = this;
      this.setState({ year: year });
      nextId(idSources[this.props.field.get("samling")], year)
        .then(function (next) {
          if (self.mounted && self.year() === year && next !== self.props.value) self.props.onChange(next);
        })
        .catch(function () { if (self.mounted) self.setState({ failed: true }); });
    },
    isValid: function () {
      var value = this.props.value || "";
      if (isNewEntry(this.props) && value.slice(2, 6) !== this.year()) {
        this.refresh();
        return error("Id:t väljs om efter det nya datumet. Spara igen om ett ögonblick.");
      }
      if (!new RegExp(this.props.field.get("mönster")).test(value)) {
        return error("Id:t har inte kunnat väljas ännu. Vänta ett ögonblick och spara igen; " +
          "om det inte hjälper, ladda om sidan.");
      }
      return true;
    },
    render: function () {
      var text = this.props.value || (this.state.failed ? "kunde inte väljas – ladda om sidan" : "väljs …");
      return h("input", {
        type: "text",
        id: this.props.forID,
        className: this.props.classNameWrapper,
        value: text,
        readOnly: true,
        "aria-readonly": "true",
      });
    },
  });
  CMS.registerWidget("po-id", IdControl, function (props) { return h("span", {}, props.value || ""); });

  // --- select, with categories allowed for the chosen level ---------------------
  // Decap's own select, with one more check for a field that names its level field
  // (nivåfält, the categories of a deficiency); every other select is as Decap made it.

  var select = CMS.getWidget("select");
  var SelectControl = createClass({
    shouldComponentUpdate: function () { return true; },
    isValid: function () {
      var field = this.props.field;
      var chosen = plain(this.props.value) || [];
      var inner = this.inner && this.inner.isValid ? this.inner.isValid() : true;
      if (inner !== true && inner && inner.error) return inner;
      if (!field.get("nivåfält")) return inner;
      var level = fieldValue(this.props, field.get("nivåfält"));
      if (!level) return true; // the level's own field says it is missing
      var allowed = plain(field.get("nivåer")) || {};
      var levelNames = plain(field.get("nivånamn")) || {};
      var labels = {};
      plain(field.get("options")).forEach(function (o) { labels[o.value] = o.label; });
      var wrong = chosen.filter(function (c) { return allowed[c] && allowed[c].indexOf(level) < 0; });
      if (!wrong.length) return true;
      var fitting = plain(field.get("options"))
        .filter(function (o) { return (allowed[o.value] || []).indexOf(level) >= 0; })
        .map(function (o) { return o.label; });
      return error(
        (wrong.length > 1 ? "Kategorierna " : "Kategorin ") +
        wrong.map(function (c) { return "”" + labels[c] + "”"; }).join(", ") +
        " hör inte till " + (levelNames[level] || level).toLowerCase() + ". Byt nivå, eller välj bland: " +
        fitting.join(", ") + "."
      );
    },
    render: function () {
      var self = this;
      var props = Object.assign({}, this.props, { ref: function (r) { self.inner = r; } });
      return h(select.control, props);
    },
  });
  CMS.registerWidget("select", SelectControl, select.preview, select.schema);

  // --- po-avsnitt: the body, one text box per heading ----------------------------

  function sectionsOf(field) {
    return plain(field.get("avsnitt")) || [];
  }

  function splitBody(body, sections) {
    var texts = {};
    sections.forEach(function (s) { texts[s.rubrik] = ""; });
    var current = null;
    var extra = [];
    String(body || "").split("\n").forEach(function (line) {
      var m = /^##[ \t]+(.+?)[ \t]*$/.exec(line);
      if (m && Object.prototype.hasOwnProperty.call(texts, m[1])) {
        current = m[1];
        return;
      }
      if (current === null) extra.push(line);
      else texts[current] += line + "\n";
    });
    // Text above the first heading, or under a heading the form does not know, is kept
    // in the first box rather than dropped; `po check` on the pull request names it.
    var lead = extra.join("\n").trim();
    if (lead && sections.length) texts[sections[0].rubrik] = lead + "\n\n" + texts[sections[0].rubrik];
    Object.keys(texts).forEach(function (k) { texts[k] = texts[k].trim(); });
    return texts;
  }

  function joinBody(texts, sections) {
    return sections
      .filter(function (s) { return (texts[s.rubrik] || "").trim() || s["krävs"]; })
      .map(function (s) { return "## " + s.rubrik + "\n\n" + (texts[s.rubrik] || "").trim() + "\n"; })
      .join("\n");
  }

  var SectionsControl = createClass({
    texts: function () { return splitBody(this.props.value, sectionsOf(this.props.field)); },
    change: function (title, text) {
      var texts = this.texts();
      texts[title] = text;
      this.props.onChange(joinBody(texts, sectionsOf(this.props.field)));
    },
    isValid: function () {
      var texts = this.texts();
      var problems = [];
      sectionsOf(this.props.field).forEach(function (s) {
        var text = texts[s.rubrik] || "";
        if (s["krävs"] && !text.trim()) problems.push("Skriv något under ”" + s.rubrik + "”.");
        var lines = text.split("\n").map(function (l) { return l.trim(); });
        if (s["hjälp"] && lines.indexOf(s["hjälp"].trim()) >= 0) {
          problems.push("Hjälptexten under ”" + s.rubrik + "” står kvar – skriv din egen text i stället.");
        }
        if (lines.some(function (l) { return /^##(?!#)/.test(l); })) {
          problems.push("Under ”" + s.rubrik + "” finns en rad som börjar med ## – rubrikerna skapar " +
            "formuläret själv, ta bort tecknen.");
        }
      });
      return problems.length ? error(problems.join(" ")) : true;
    },
    render: function () {
      var self = this;
      var texts = this.texts();
      var id = this.props.forID;
      return h("div", { className: "po-avsnitt", id: id, tabIndex: -1 },
        sectionsOf(this.props.field).map(function (s, i) {
          var boxId = id + "-" + i;
          return h("div", { key: s.rubrik, className: "po-avsnitt__del" },
            h("label", { htmlFor: boxId, className: "po-avsnitt__rubrik" },
              s.rubrik, s["krävs"] ? null : h("span", { className: "po-avsnitt__frivillig" }, " (frivillig)")),
            s["hjälp"] ? h("p", { id: boxId + "-hjalp", className: "po-avsnitt__hjalp" }, s["hjälp"]) : null,
            h("textarea", {
              id: boxId,
              className: "po-avsnitt__text",
              rows: 6,
              value: texts[s.rubrik] || "",
              "aria-describedby": s["hjälp"] ? boxId + "-hjalp" : undefined,
              "aria-required": s["krävs"] ? "true" : undefined,
              onChange: function (e) { self.change(s.rubrik, e.target.value); },
              onFocus: self.props.setActiveStyle,
              onBlur: self.props.setInactiveStyle,
            }));
        }));
    },
  });
  CMS.registerWidget("po-avsnitt", SectionsControl, CMS.getWidget("markdown").preview);

  // --- before saving: no empty keys, which `po check` would refuse ---------------
  // An optional field left empty is written by Decap as '' or []; the content
  // format wants it left out (an empty `tema:` is PO203).

  function isEmpty(value) {
    if (value === null || value === undefined || value === "") return true;
    if (value && typeof value.toJS === "function") value = value.toJS();
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === "object") {
      return Object.keys(value).every(function (k) { return isEmpty(value[k]); });
    }
    return false;
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (args) {
      var data = args.entry.get("data");
      saving[args.entry.get("collection")] = { id: data.get("id"), rubrik: data.get("rubrik") };
      var intern = data.get("intern");
      if (intern && typeof intern.filter === "function" && typeof intern.has === "function") {
        data = data.set("intern", intern.filter(function (v) { return !isEmpty(v); }));
      }
      return data.filter(function (value, key) { return key === "body" || !isEmpty(value); });
    },
  });

  // --- the git host: file names, the files listed, the open submissions ---------
  // Decap lower-cases every part of a file name it makes from a template and cuts
  // words in half. The format wants <år>/<id>-<namn>.md as `po ny` names it
  // (B-2025-021-telefontiden-racker-inte.md), so a new file is renamed on its way to
  // the git host. Files the build never reads (content/brister/_mallar/, the web
  // editor's templates) are left out of the lists, as the build leaves them out.
  // The rules come from config.yml's key po:, which Decap hands every backend.

  var REVIEW_STATUS = "pending_review"; // Decap's name for its column Till granskning
  // Even in its editorial workflow Decap writes three things straight to the main branch:
  // a file uploaded or removed in its media library, and a merged report deleted or
  // "unpublished". On a po-build site nothing reaches the main branch but through a pull
  // request, so the backend refuses them (config.yml also turns deletion off).
  var NOT_HERE = {
    media: "Filer sparas inte här: de skulle hamna direkt i arkivet, utan granskning. Lägg till bilagan " +
      "i inlämningens pull request på GitHub eller GitLab, eller be den som sköter arkivet om hjälp.",
    delete: "En rapport som redan är inlagd i arkivet tas inte bort i formuläret: det skulle ändra arkivet " +
      "utan granskning. Ändra status i stället (t.ex. till avslutad), eller be den som sköter arkivet.",
  };
  var rules = null;
  var names = null;
  var current = null; // the backend in use
  var saving = {}; // collection → {id, rubrik} of the entry being saved, from preSave

  function isIgnored(path, folder) {
    var rest = folder && path.indexOf(folder + "/") === 0 ? path.slice(folder.length + 1) : path;
    return rest.split("/").some(function (part) {
      return (rules.ignoreras || []).some(function (prefix) { return part.indexOf(prefix) === 0; });
    });
  }

  function listed(entries, folder) {
    return (entries || []).filter(function (e) { return !(e && e.file && isIgnored(e.file.path, folder)); });
  }

  function ownPath(path, collection) {
    var entry = saving[collection];
    var m = /^(.*)\/[^/]*\/([^/]+)$/.exec(String(path));
    if (!entry || !m || m[2].indexOf(String(entry.id).toLowerCase() + "-") !== 0) return path;
    return m[1] + "/" + entry.id.slice(2, 6) + "/" + names.fileName(entry.id, entry.rubrik);
  }

  function openIds() {
    // The ids in Decap's keys of the open submissions (brister/2025/b-2025-021-...).
    if (!current || !current.unpublishedEntries || !rules) return Promise.resolve([]);
    var pattern = new RegExp(rules.id, "gi");
    return Promise.resolve(current.unpublishedEntries()).then(function (keys) {
      var ids = [];
      (keys || []).forEach(function (key) {
        (String(key).match(pattern) || []).forEach(function (id) { ids.push(id.toUpperCase()); });
      });
      return ids;
    }).catch(function () { return []; });
  }

  ["proxy", "github", "gitlab"].forEach(function (name) {
    var registered = CMS.getBackend(name);
    if (!registered) return;
    var init = registered.init;
    registered.init = function (config, options) {
      // A saved report is handed in: it starts under Till granskning, not as a draft,
      // so that the steering group's list shows it as waiting for them.
      var backend = init(config, Object.assign({}, options, { initialWorkflowStatus: REVIEW_STATUS }));
      rules = (config && config.po) || { ignoreras: [] };
      names = window.poSlug.make(rules.filnamn || {});
      current = backend;
      var persist = backend.persistEntry.bind(backend);
      backend.persistEntry = function (entry, options) {
        if (!options || !options.newEntry) return persist(entry, options); // an existing file keeps its name
        var files = (entry.dataFiles || []).map(function (file) {
          return Object.assign({}, file, { path: ownPath(file.path, options.collectionName) });
        });
        return persist(Object.assign({}, entry, { dataFiles: files }), options);
      };
      // The signed-in person's picture is on the git host's image server (for GitHub
      // avatars.githubusercontent.com): the page loads nothing from another host, so
      // Decap shows its own drawn figure instead of a broken picture.
      ["authenticate", "restoreUser"].forEach(function (method) {
        if (typeof backend[method] !== "function") return;
        var call = backend[method].bind(backend);
        backend[method] = function () {
          return Promise.resolve(call.apply(null, arguments)).then(function (user) {
            if (!user || typeof user !== "object") return user;
            var own = Object.assign({}, user);
            delete own.avatar_url;
            return own;
          });
        };
      });
      backend.persistMedia = function () { return Promise.reject(new Error(NOT_HERE.media)); };
      backend.deleteFiles = function (paths) {
        var media = (paths || []).every(function (path) {
          return config && config.media_folder && String(path).indexOf(config.media_folder + "/") === 0;
        });
        return Promise.reject(new Error(media && (paths || []).length ? NOT_HERE.media : NOT_HERE.delete));
      };
      ["entriesByFolder", "allEntriesByFolder"].forEach(function (method) {
        if (typeof backend[method] !== "function") return;
        var list = backend[method].bind(backend);
        backend[method] = function (folder) {
          return Promise.resolve(list.apply(null, arguments)).then(function (entries) {
            return listed(entries, folder);
          });
        };
      });
      return backend;
    };
  });

  // --- the preview: as the public page will show it ------------------------------

  function optionLabels(fieldsList, name) {
    var labels = {};
    (fieldsList || []).forEach(function (f) {
      if (f.get("name") === name && f.get("options")) {
        plain(f.get("options")).forEach(function (o) { labels[o.value] = o.label; });
      }
    });
    return labels;
  }

  function ReportPreview(props) {
    var data = plain(props.entry.get("data")) || {};
    // The preview is a page of its own (a frame): in Swedish, with a title, for a screen reader.
    if (props.document && props.document.documentElement) {
      props.document.documentElement.lang = "sv";
      props.document.title = "Förhandsvisning: " + (data.rubrik || "ny rapport");
    }
    var fieldsList = props.fields ? props.fields.toArray() : [];
    var kind = data.typ === "positiv" ? "Positiv händelse" : "Systembrist";
    var times = 1 + (data["förekomster"] || []).length;
    function names(name) {
      var labels = optionLabels(fieldsList, name);
      return (data[name] || []).map(function (v) { return labels[v] || v; });
    }
    function one(name) { return optionLabels(fieldsList, name)[data[name]] || data[name]; }
    function fact(title, value) {
      if (!value || (Array.isArray(value) && !value.length)) return null;
      return h("div", { key: title }, h("dt", {}, title), " ",
        h("dd", {}, Array.isArray(value) ? value.map(function (v) {
          return h("span", { key: v, className: "po-label" }, v);
        }) : value));
    }
    var published = data.publicera === true;
    return h("article", { className: "po-forhandsvisning md-typeset" },
      h("div", { className: "admonition warning", role: "note" },
        h("p", { className: "admonition-title" }, "Förhandsvisning – inte offentlig"),
        h("p", {}, published
          ? "Styrgruppen har kryssat i Publicera. Rapporten blir offentlig när inlämningen har lagts in i arkivet."
          : "Så här ser sidan ut om styrgruppen beslutar att publicera den. Till dess är rapporten ett utkast " +
            "som bara syns i den interna versionen."),
        h("p", {}, "Datum visas bara som månad och år, och det som står under Internt visas aldrig.")),
      h("h1", {}, data.rubrik || "(rubrik saknas)"),
      h("p", { className: "po-lead" },
        kind + " " + (data.id || "") + (data.datum ? ", uppmärksammad " + monthText(data.datum) + ". " : ". "),
        data.typ === "brist" ? h("strong", {}, "Uppmärksammad " + times + (times === 1 ? " gång." : " gånger.")) : null),
      h("dl", { className: "po-facts" },
        fact("Status", one("status")),
        fact("Nivå", one("nivå")),
        fact("Allvarlighet", one("allvarlighet")),
        fact("Kategorier", names("kategorier")),
        fact("Aktörer", names("aktörer")),
        fact("Områden", names("områden")),
        fact("Tema", data.tema)),
      props.widgetFor("body"),
      (data.historik || []).length ? h("section", {},
        h("h2", {}, "Tidslinje"),
        h("ol", { className: "po-timeline" }, data.historik.map(function (step, i) {
          var labels = optionLabels(fieldsList, "status");
          return h("li", { key: i }, h("span", { className: "po-timeline__when" }, monthText(step.datum)), " ",
            h("strong", {}, labels[step.status] || step.status || ""), step.text ? ": " + step.text : "");
        }))) : null,
      (data.mottagare || []).length ? h("section", {}, h("h2", {}, "Påtalad för"),
        h("ul", {}, data.mottagare.map(function (m, i) { return h("li", { key: i }, m); }))) : null);
  }

  // The hidden fields list lives in the collection config; Decap gives it to previews as `fields`.
  CMS.registerPreviewTemplate("brister", ReportPreview);
  CMS.registerPreviewTemplate("positiva", ReportPreview);
  CMS.registerPreviewStyle("../assets/po/po.css");
  CMS.registerPreviewStyle("po-forhandsvisning.css");

  CMS.init();
})();
