// The HTML view's script (numclaims.html): inlined into every page.
// One card for all claims, filled on hover or focus from the JSON record of
// the claim; and the summary table sorted by the column whose header is pressed.
(function () {
  "use strict";
  var records = JSON.parse(document.getElementById("nc-data").textContent);
  var card = document.getElementById("nc-card");
  var text = document.getElementById("nc-text");
  var LABELS = [
    ["kind", "Kind"], ["value", "Value"], ["low", "From"], ["high", "To"], ["unit", "Unit"],
    ["per", "Per"], ["si_value", "SI value"], ["si_low", "SI from"], ["si_high", "SI to"],
    ["si_unit", "SI unit"], ["bound", "Bound"], ["qualifier", "Qualifier"],
    ["change", "Change"], ["is_delta", "Size of a change"], ["entity", "Entity"], ["source", "Source"],
    ["source_via", "Via"], ["hedge", "Hedge"], ["time", "Time"]
  ];
  function shown(value) {
    return typeof value === "number" ? value.toLocaleString("en", {maximumSignificantDigits: 15}) : String(value);
  }
  function show(mark) {
    var record = records[Number(mark.getAttribute("data-i"))];
    var list = document.createElement("dl");
    LABELS.forEach(function (pair) {
      if (record[pair[0]] === undefined) { return; }
      var term = document.createElement("dt");
      var detail = document.createElement("dd");
      term.textContent = pair[1];
      detail.textContent = shown(record[pair[0]]);
      list.appendChild(term);
      list.appendChild(detail);
    });
    card.replaceChildren(list);
    card.hidden = false;
    var box = mark.getBoundingClientRect();
    card.style.left = Math.max(8, Math.min(box.left + window.scrollX,
      window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8)) + "px";
    card.style.top = (box.bottom + window.scrollY + 6) + "px";
  }
  function hide() { card.hidden = true; }
  function markOf(event) {
    var target = event.target;
    return target && target.closest ? target.closest("mark.nc[data-i]") : null;
  }
  text.addEventListener("mouseover", function (e) { var m = markOf(e); if (m) { show(m); } });
  // Leaving a claim brings back the card of the focused one, if any.
  text.addEventListener("mouseout", function (e) {
    if (!markOf(e)) { return; }
    var focused = document.activeElement;
    if (focused && focused.matches && focused.matches("mark.nc[data-i]")) { show(focused); } else { hide(); }
  });
  text.addEventListener("focusin", function (e) { var m = markOf(e); if (m) { show(m); } });
  text.addEventListener("focusout", hide);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") { hide(); } });

  var table = document.getElementById("nc-table");
  table.querySelector("thead").addEventListener("click", function (e) {
    var button = e.target.closest("button[data-col]");
    if (!button) { return; }
    var column = Number(button.getAttribute("data-col"));
    var header = button.parentNode;
    var descending = header.getAttribute("aria-sort") === "ascending";
    table.querySelectorAll("th").forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    function key(row) {
      var raw = row.cells[column].getAttribute("data-sort");
      var number = Number(raw);
      return raw !== "" && !isNaN(number) ? number : raw;
    }
    rows.sort(function (a, b) {
      var x = key(a), y = key(b), order;
      if (typeof x === typeof y) { order = x < y ? -1 : x > y ? 1 : 0; }
      else { order = typeof x === "number" ? -1 : 1; }
      return descending ? -order : order;
    });
    var fragment = document.createDocumentFragment();
    rows.forEach(function (row) { fragment.appendChild(row); });
    body.appendChild(fragment);
  });
}());
