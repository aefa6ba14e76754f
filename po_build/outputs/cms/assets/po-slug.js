/* po-build: report file names in the browser, as `po ny` makes them.
 *
 * The same steps as slugify in po_build/model/slug.py: lower case, the letters NFKD
 * does not take apart folded, accents dropped, the ASCII words joined by hyphens, and
 * with a limit whole words dropped from the end. The table of letters, the word
 * pattern, the limit and the fallback come from config.yml (key po.filnamn), which
 * po-build writes from the Python side; tests/test_cms_slug.py runs this file with
 * Node and compares it with the Python function on many texts.
 */
(function (root) {
  "use strict";

  function make(rules) {
    var fold = rules["bokstäver"] || {};
    var word = rules.ord || "[a-z0-9]+";
    function slugify(text, limit, fallback) {
      var lowered = String(text).toLowerCase();
      var folded = Array.from(lowered).map(function (c) {
        return Object.prototype.hasOwnProperty.call(fold, c) ? fold[c] : c;
      }).join("");
      var ascii = folded.normalize("NFKD").replace(/[^\x00-\x7f]/g, "");
      var words = ascii.match(new RegExp(word, "g")) || [];
      var out = "";
      for (var i = 0; i < words.length; i++) {
        var candidate = out ? out + "-" + words[i] : words[i];
        if (limit !== undefined && limit !== null && candidate.length > limit) break;
        out = candidate;
      }
      return out || fallback || "";
    }
    return {
      slugify: slugify,
      // <id>-<words of the rubrik>.md, as model/slug.py's report_file_name.
      fileName: function (id, rubrik) {
        return id + "-" + slugify(rubrik, rules["gräns"], rules.reserv) + ".md";
      },
    };
  }

  root.poSlug = { make: make };
  if (typeof module !== "undefined" && module.exports) module.exports = root.poSlug;
})(typeof window !== "undefined" ? window : globalThis);
