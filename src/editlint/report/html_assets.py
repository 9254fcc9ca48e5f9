"""The HTML report's stylesheet and script, inlined into the page (no network)."""

from __future__ import annotations

import base64
import hashlib

STYLE = """
:root { --error: #c62828; --warning: #b26a00; --info: #1565c0; --ink: #1d1d1f; --muted: #5f6368; }
* { box-sizing: border-box; }
body { font: 15px/1.5 system-ui, sans-serif; color: var(--ink); margin: 0 auto; padding: 1.5rem;
  max-width: 72rem; }
h1 { margin: 0 0 .25rem; font-size: 1.6rem; }
h2 { font-size: 1.15rem; margin: 0 0 .5rem; word-break: break-all; }
.summary, .clean { color: var(--muted); margin: 0 0 1rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; margin: 1rem 0; }
.charts figure { margin: 0; }
.charts figcaption { font-weight: 600; margin-bottom: .25rem; }
.charts svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
#filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-start; margin: 1rem 0;
  position: sticky; top: 0; background: #fff; padding: .5rem 0; border-bottom: 1px solid #ddd; }
#filters fieldset { border: 1px solid #ddd; border-radius: 6px; margin: 0; }
#filters label { margin-right: .75rem; white-space: nowrap; }
#shown { margin: .5rem 0 0; color: var(--muted); }
.article { border: 1px solid #ddd; border-radius: 8px; padding: 1rem; margin: 1rem 0; }
.article.filtered { display: none; }
/* thousands of articles: the browser lays out and paints each one only near the viewport */
.article { content-visibility: auto; contain-intrinsic-size: auto 24rem; }
pre.source { white-space: pre-wrap; word-wrap: break-word; background: #fafafa; padding: .75rem;
  border-radius: 6px; font: 13px/1.6 ui-monospace, monospace; max-height: 40rem; overflow: auto; }
pre.source .gap { color: var(--muted); user-select: none; }
mark.hl { background: #fff3c4; border-bottom: 2px solid var(--warning); cursor: pointer;
  color: inherit; padding: 0; }
mark.hl.sev-error { background: #fde0e0; border-bottom-color: var(--error); }
mark.hl.sev-info { background: #e0ecfd; border-bottom-color: var(--info); }
mark.hl mark.hl { border-bottom-style: double; box-shadow: inset 0 -.6em 0 #0000001f; }
mark.hl:empty::after { content: "\\2038 " attr(data-rule); color: #fff; background: var(--error);
  font: 600 11px/1.6 system-ui, sans-serif; padding: 0 .35em; border-radius: 3px; }
mark.hl.sev-warning:empty::after { background: var(--warning); }
mark.hl.sev-info:empty::after { background: var(--info); }
mark.hl.filtered { background: none; border-bottom: none; cursor: auto; }
mark.hl.active { outline: 2px solid var(--ink); }
ol.findings { padding-left: 1.5rem; }
li.finding.filtered { display: none; }
.code { font-weight: 600; font-family: ui-monospace, monospace; }
.sev-error .code, .code.sev-error { color: var(--error); }
.code.sev-warning { color: var(--warning); }
.code.sev-info { color: var(--info); }
.fix { color: #2e7d32; }
.tag { font-size: .8rem; color: var(--muted); }
#detail { position: fixed; right: 1.5rem; bottom: 1.5rem; max-width: 28rem; background: #fff;
  border: 1px solid #999; border-radius: 8px; padding: .75rem 1rem; box-shadow: 0 4px 16px #0003; }
#detail p { margin: .25rem 0; }
#detail .d-explain { white-space: pre-line; color: var(--muted); max-height: 14rem;
  overflow: auto; font-size: .9rem; }
#detail button { float: right; }
"""

SCRIPT = """
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var detail = document.getElementById("detail");
  function hiddenKinds() {
    var off = {};
    form.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      if (!box.checked) { off[box.name + ":" + box.value] = true; }
    });
    return off;
  }
  function applyFilters() {
    var off = hiddenKinds();
    var rule = form.elements.rule.value;
    var query = form.elements.search.value.trim().toLowerCase();
    var shown = 0;
    document.querySelectorAll("[data-id]").forEach(function (element) {
      var hide = Boolean(off["category:" + element.dataset.category] ||
        off["severity:" + element.dataset.severity] ||
        (rule && element.dataset.rule !== rule));
      if (!hide && query && element.tagName === "LI") {
        var article = element.closest("article.article");
        var haystack = (article.dataset.path + " " + element.textContent).toLowerCase();
        hide = haystack.indexOf(query) < 0;
      }
      element.classList.toggle("filtered", hide);
      if (element.tagName === "LI" && !hide) { shown += 1; }
    });
    document.querySelectorAll("article.article").forEach(function (article) {
      var visible = article.querySelector("li.finding:not(.filtered)");
      article.classList.toggle("filtered", !visible);
    });
    document.getElementById("shown-count").textContent = String(shown);
  }
  function applyOrder() {
    var articles = Array.prototype.slice.call(document.querySelectorAll("article.article"));
    if (!articles.length) { return; }
    var byCount = form.elements.order.value === "count";
    var parent = articles[0].parentNode;
    var after = articles[articles.length - 1].nextSibling;  // in page order, before sorting
    articles.sort(function (a, b) {
      var first = Number(a.id.split("-")[1]), second = Number(b.id.split("-")[1]);
      var difference = byCount ? Number(b.dataset.count) - Number(a.dataset.count) : 0;
      return difference || first - second;
    });
    articles.forEach(function (article) { parent.insertBefore(article, after); });
  }
  function show(mark) {
    document.querySelectorAll("mark.active").forEach(function (m) {
      m.classList.remove("active");
    });
    document.querySelectorAll('mark[data-id="' + mark.dataset.id + '"]').forEach(function (m) {
      m.classList.add("active");
    });
    detail.querySelector(".d-code").textContent = mark.dataset.code + " [" +
      mark.dataset.severity + ", " + mark.dataset.category + "]";
    detail.querySelector(".d-message").textContent = mark.dataset.message;
    detail.querySelector(".d-fix").textContent = mark.dataset.fix || "No automatic fix.";
    var docs = document.querySelector('#rule-docs [data-rule="' + CSS.escape(mark.dataset.code) +
      '"]');
    detail.querySelector(".d-explain").textContent = docs ? docs.textContent : "";
    detail.hidden = false;
  }
  document.addEventListener("click", function (event) {
    var mark = event.target.closest("mark.hl");
    if (mark && !mark.classList.contains("filtered")) { show(mark); }
  });
  document.addEventListener("keydown", function (event) {
    var mark = event.target.closest ? event.target.closest("mark.hl") : null;
    if (mark && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      show(mark);
    }
    if (event.key === "Escape") { detail.hidden = true; }
  });
  detail.querySelector("button").addEventListener("click", function () { detail.hidden = true; });
  form.addEventListener("change", function (event) {
    if (event.target.name === "order") { applyOrder(); } else { applyFilters(); }
  });
  form.addEventListener("input", function (event) {
    if (event.target.name === "search") { applyFilters(); }
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  applyFilters();
})();
"""


def source_hash(source: str) -> str:
    """The CSP hash source ('sha256-...') that allows exactly this inline script or style."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


CONTENT_SECURITY_POLICY = (
    f"default-src 'none'; style-src {source_hash(STYLE)}; script-src {source_hash(SCRIPT)}; "
    "img-src 'none'; base-uri 'none'; form-action 'none'"
)
